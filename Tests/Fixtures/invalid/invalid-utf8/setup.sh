# Latin-1 'é' (byte 0xE9) in the name on line 2.
python3 -c "
path = 'content/cpts/vierzon.md'
text = open(path, 'rb').read().replace(b'name: CPTS de Vierzon', b'name: CPTS de Vi\xe9rzon')
open(path, 'wb').write(text)
"
