# 10 000 nested list levels, block quotes, emphasis and brackets in the projet de santé.
    python3 -c "
print('- ' * 10000 + 'liste')
print()
print('> ' * 10000 + 'citation')
print()
print('1. ' * 10000 + 'numérotée')
print()
print('*' * 10000 + 'emphase' + '*' * 10000)
print()
print('[' * 10000 + 'lien' + ']' * 10000 + '(x)')
" >> content/cpts/vierzon.md
