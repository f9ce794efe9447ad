# Windows line ends (CRLF) and a misspelt stage on line 5: line and column as an editor shows them.
sed -e 's/^stage: health-project$/stage: health-projet/' -e 's/$/\r/' content/cpts/vierzon.md > crlf.md
mv crlf.md content/cpts/vierzon.md
