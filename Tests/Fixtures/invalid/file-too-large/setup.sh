# 70 MB (a sparse file of zeros): refused before it is read.
truncate -s 70M content/pages/enorme.md
