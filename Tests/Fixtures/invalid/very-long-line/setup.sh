# A 1 MB line: the diagnostic quotes only its beginning.
python3 -c "print('population: ' + '9' * 1000000)" > long.txt
sed -e '/^population: 120000$/r long.txt' -e '/^population: 120000$/d' content/cpts/vierzon.md > long.md
mv long.md content/cpts/vierzon.md
rm long.txt
