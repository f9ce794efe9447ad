# A projet de santé of 20 MB (generated here rather than committed).
    python3 -c "
import sys
line = 'Le territoire compte des médecins, des infirmiers et des pharmaciens. ' * 8 + '\n\n'
sys.stdout.write(line * (20 * 1024 * 1024 // len(line.encode())))
" >> content/cpts/vierzon.md
