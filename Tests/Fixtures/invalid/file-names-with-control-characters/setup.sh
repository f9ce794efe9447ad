# File names holding a line break, a terminal colour escape, and a title-setting escape ended by BEL.
printf -- '---\ntitle: X\n---\nx\n' > "$(printf 'content/pages/a\nb.md')"
printf -- '---\ntitle: X\n---\nx\n' > "$(printf 'content/pages/\033[31mred.md')"
touch "$(printf 'content/cpts/z\033]0;t\007.txt')"
