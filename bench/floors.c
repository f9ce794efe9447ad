/* make bench: two floors measured on the same content as cpts-site, in the same run (see bench/run.sh).
 *
 *   floors yaml CONTENT    libyaml's event loop (Debian libyaml-dev) over every YAML text cpts-site reads:
 *                          each *.yaml file whole and each *.md file's front matter (between its first two
 *                          '---' lines). Files read with one read(), events parsed and freed, nothing built.
 *                          Prints the number of files, events and bytes; the run is timed from outside.
 *   floors write SITE COPY every file of SITE read into memory first (not timed), then written over the
 *                          existing COPY as cpts-site writes over the site before last: opened without
 *                          truncating, written, cut to its length. Prints the seconds of the writing alone.
 *
 * cc -O2 -o floors bench/floors.c -lyaml
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

static void die(const char *what, const char *path) {
    fprintf(stderr, "floors: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static char *read_all(const char *path, size_t *length) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) die("cannot open", path);
    struct stat st;
    if (fstat(fd, &st) != 0) die("cannot stat", path);
    char *bytes = malloc((size_t)st.st_size + 1);
    size_t done = 0;
    while (done < (size_t)st.st_size) {
        ssize_t n = read(fd, bytes + done, (size_t)st.st_size - done);
        if (n < 0) die("cannot read", path);
        if (n == 0) break;
        done += (size_t)n;
    }
    close(fd);
    *length = done;
    return bytes;
}

static size_t ends_with(const char *s, const char *suffix) {
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* ---- yaml ---- */

static unsigned long yaml_files, yaml_events, yaml_bytes;

static void parse_events(const char *path, const unsigned char *text, size_t length) {
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, text, length);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "floors: %s: %s at line %zu\n", path, parser.problem, parser.problem_mark.line + 1);
            exit(1);
        }
        yaml_events++;
        int end = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (end) break;
    }
    yaml_parser_delete(&parser);
    yaml_files++;
    yaml_bytes += length;
}

static int visit_yaml(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)st; (void)ftw;
    if (type != FTW_F) return 0;
    int yaml = ends_with(path, ".yaml"), markdown = ends_with(path, ".md");
    if (!yaml && !markdown) return 0;
    size_t length;
    char *text = read_all(path, &length);
    text[length] = 0;
    if (yaml) {
        parse_events(path, (unsigned char *)text, length);
    } else if (strncmp(text, "---\n", 4) == 0) {
        char *end = strstr(text + 4, "\n---");
        if (end) parse_events(path, (unsigned char *)text + 4, (size_t)(end + 1 - (text + 4)));
    }
    free(text);
    return 0;
}

/* ---- write ---- */

struct file { char *relative; char *bytes; size_t length; };
static struct file *files;
static size_t file_count, file_capacity, site_prefix;
static unsigned long long written;

static int visit_site(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)st; (void)ftw;
    if (type != FTW_F) return 0;
    if (file_count == file_capacity) {
        file_capacity = file_capacity ? 2 * file_capacity : 1024;
        files = realloc(files, file_capacity * sizeof *files);
    }
    struct file *f = &files[file_count++];
    f->relative = strdup(path + site_prefix);
    f->bytes = read_all(path, &f->length);
    return 0;
}

static void make_parents(char *path) {
    for (char *slash = strchr(path + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = 0;
        if (mkdir(path, 0755) != 0 && errno != EEXIST) die("cannot create", path);
        *slash = '/';
    }
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "yaml") == 0) {
        if (nftw(argv[2], visit_yaml, 32, FTW_PHYS) != 0) die("cannot walk", argv[2]);
        printf("%lu files, %lu events, %lu bytes of YAML\n", yaml_files, yaml_events, yaml_bytes);
        return 0;
    }
    if (argc == 4 && strcmp(argv[1], "write") == 0) {
        site_prefix = strlen(argv[2]);
        if (nftw(argv[2], visit_site, 32, FTW_PHYS) != 0) die("cannot walk", argv[2]);
        char path[4096];
        double start = now();
        for (size_t i = 0; i < file_count; i++) {
            snprintf(path, sizeof path, "%s%s", argv[3], files[i].relative);
            int fd = open(path, O_WRONLY | O_CREAT, 0644);
            if (fd < 0 && errno == ENOENT) { make_parents(path); fd = open(path, O_WRONLY | O_CREAT, 0644); }
            if (fd < 0) die("cannot open", path);
            for (size_t done = 0; done < files[i].length;) {
                ssize_t n = write(fd, files[i].bytes + done, files[i].length - done);
                if (n < 0) die("cannot write", path);
                done += (size_t)n;
            }
            if (ftruncate(fd, (off_t)files[i].length) != 0) die("cannot truncate", path);
            close(fd);
            written += files[i].length;
        }
        printf("%.3f\n", now() - start);
        fprintf(stderr, "%zu files, %llu bytes written\n", file_count, written);
        return 0;
    }
    fprintf(stderr, "usage: floors yaml CONTENT | floors write SITE COPY\n");
    return 2;
}
