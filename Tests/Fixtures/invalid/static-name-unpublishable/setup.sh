# Made here, not committed: git and some file systems refuse or rewrite such names.
# A backslash in a name, and a name in Latin-1 (0xE9 for « é »), which is not UTF-8.
mkdir -p content/static/docs
printf 'a' > 'content/static/docs/plan\a.pdf'
printf 'b' > "$(printf 'content/static/docs/r\351sum\351.pdf')"
