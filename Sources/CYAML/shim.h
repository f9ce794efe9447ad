// libyaml's one public header (Debian libyaml-dev): its event parser, used by CPTSContent's YAMLComposer.
#include <yaml.h>
