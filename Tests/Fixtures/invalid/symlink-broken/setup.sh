# A link to nothing, and a link inside content/ (accepted: it stays inside).
ln -s nulle-part.md content/cpts/perdu.md
ln -s sud-lochois.yaml content/indicators/lien-interne.yml
