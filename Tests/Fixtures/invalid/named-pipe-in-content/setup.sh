# A named pipe: opening it for reading would wait for a writer forever.
mkfifo content/cpts/tube.md
