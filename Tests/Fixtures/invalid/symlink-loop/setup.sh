# Two links leading to each other, and one leading to itself.
ln -s boucle-b.md content/pages/boucle-a.md
ln -s boucle-a.md content/pages/boucle-b.md
ln -s soi.md content/pages/soi.md
