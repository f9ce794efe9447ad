# Links out of content/: to a system file, to a file beside content/, to a system folder.
ln -s /etc/passwd content/cpts/passwd.md
printf -- '---\ntitle: Dehors\n---\nSecret.\n' > outside.md
ln -s ../../outside.md content/pages/dehors.md
ln -s /etc content/schedules
mkdir -p content/geo
ln -s /etc/hostname content/geo/communes.csv
