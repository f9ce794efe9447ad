# 10 000 nested flow sequences in the name.
python3 -c "print('[' * 10000 + ']' * 10000)" > deep.txt
sed "s/^name: CPTS de Vierzon$/name: $(cat deep.txt)/" content/cpts/vierzon.md > deep.md
mv deep.md content/cpts/vierzon.md
rm deep.txt
