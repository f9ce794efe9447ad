# A byte order mark before the front matter, and a type error on line 4: the BOM shifts nothing.
{ printf '\357\273\277'; sed 's/^population: 120000$/population: beaucoup/' content/cpts/vierzon.md; } > bom.md
mv bom.md content/cpts/vierzon.md
