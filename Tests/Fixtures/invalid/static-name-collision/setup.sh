# Made here, not committed: git and some file systems fold letter case and Unicode forms.
# Logo.png beside logo.png (letter case), and « é » written NFC (U+00E9) beside NFD (e + U+0301).
mkdir -p content/static/img
printf 'a' > content/static/img/Logo.png
printf 'b' > content/static/img/logo.png
printf 'c' > "$(printf 'content/static/img/\303\251quipe.png')"
printf 'd' > "$(printf 'content/static/img/e\314\201quipe.png')"
