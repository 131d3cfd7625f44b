#ifndef PLAYBOOK_CMARK_SHIM_H
#define PLAYBOOK_CMARK_SHIM_H
#include <cmark.h>
#endif
