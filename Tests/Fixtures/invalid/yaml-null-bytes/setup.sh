# NUL bytes inside the front matter, on line 4.
python3 -c "
import sys
text = open('content/cpts/vierzon.md', 'rb').read().replace(b'population: 120000', b'population: 12\x00\x000')
open('content/cpts/vierzon.md', 'wb').write(text)
"
