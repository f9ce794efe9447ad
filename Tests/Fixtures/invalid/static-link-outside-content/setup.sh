# A file of static/ that is a symbolic link out of content/: never followed nor published.
mkdir -p content/static/img
ln -s /etc/passwd content/static/img/logo.png
printf 'secret\n' > outside.txt
ln -s ../../../outside.txt content/static/img/notes.txt
