# site.yaml saved by a Windows editor: BOM, CRLF, and 'titel' for 'title' on line 1.
{ printf '\357\273\277'; sed -e 's/^title:/titel:/' -e 's/$/\r/' content/site.yaml; } > site.yaml
mv site.yaml content/site.yaml
