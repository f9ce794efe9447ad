/* How libyaml is called, measured (issue #27, load stage): the same YAML texts as `bench/floors.c yaml` (each *.yaml
 * file whole, each *.md file's front matter), parsed to events in one of five ways (argv[1]):
 *   string   yaml_parser_set_input_string, events deleted (what floors.c and cpts-site do)
 *   utf8     the same, with yaml_parser_set_encoding(YAML_UTF8_ENCODING)
 *   reader   yaml_parser_set_input with a read handler copying the text into libyaml's buffer
 *   nodelete events never deleted (they leak): what yaml_event_delete costs
 *   reuse    one parser struct for every file (yaml_parser_delete then _initialize: libyaml has no reset)
 * Run each under callgrind and compare libyaml's self cost:
 *   cc -O2 -o yaml-calls bench/yaml-calls.c -lyaml
 *   valgrind --tool=callgrind --callgrind-out-file=cg.MODE ./yaml-calls MODE .build-bench/data/heavy-n1000/content
 * Heavy set, 1 000 CPTS, 07/12/2026 (2 654 texts, 1 046 400 events, 9.7 MB): libyaml 1.637 G in string, utf8, reader
 * and reuse alike (±0.0001 G), 1.580 G in nodelete; cpts-site's build spends 1.645 G in libyaml on the same set. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>
static const char *mode; static unsigned long files, events, bytes;
struct src { const unsigned char *p; size_t n; };
static int handler(void *data, unsigned char *buffer, size_t size, size_t *read) {
    struct src *s = data; size_t k = s->n < size ? s->n : size;
    memcpy(buffer, s->p, k); s->p += k; s->n -= k; *read = k; return 1;
}
static yaml_parser_t shared;
static void parse(const unsigned char *text, size_t length) {
    yaml_parser_t local; yaml_parser_t *parser = strcmp(mode, "reuse") == 0 ? &shared : &local;
    yaml_event_t event; struct src s = { text, length };
    yaml_parser_initialize(parser);
    if (strcmp(mode, "utf8") == 0) yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING);
    if (strcmp(mode, "reader") == 0) yaml_parser_set_input(parser, handler, &s);
    else yaml_parser_set_input_string(parser, text, length);
    for (;;) {
        if (!yaml_parser_parse(parser, &event)) { fprintf(stderr, "error\n"); exit(1); }
        events++; int end = event.type == YAML_STREAM_END_EVENT;
        if (strcmp(mode, "nodelete") != 0) yaml_event_delete(&event);
        if (end) break;
    }
    yaml_parser_delete(parser); files++; bytes += length;
}
static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)ftw; if (type != FTW_F) return 0;
    size_t a = strlen(path); int y = a > 5 && !strcmp(path + a - 5, ".yaml"), m = a > 3 && !strcmp(path + a - 3, ".md");
    if (!y && !m) return 0;
    int fd = open(path, O_RDONLY); char *t = malloc(st->st_size + 1); size_t n = read(fd, t, st->st_size); close(fd); t[n] = 0;
    if (y) parse((unsigned char *)t, n);
    else if (!strncmp(t, "---\n", 4)) { char *e = strstr(t + 4, "\n---"); if (e) parse((unsigned char *)t + 4, e + 1 - (t + 4)); }
    free(t); return 0;
}
int main(int argc, char **argv) { mode = argv[1]; nftw(argv[2], visit, 32, FTW_PHYS);
    printf("%s: %lu files, %lu events, %lu bytes\n", mode, files, events, bytes); return 0; }
