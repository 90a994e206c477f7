/* The self-contained onedoor binary (`make dist`) has no HTTP client. Foundation's URLSession is
   linked in because a library onedoor uses (FlyingFox's proxy handler, which onedoor never calls)
   names it, and URLSession names libcurl. These stand-ins let the binary link without libcurl, which
   a plain Debian or Ubuntu may lack; each fails as libcurl does when it cannot start. */
#include <stddef.h>

enum { FAILED_INIT = 2 };

void *curl_easy_init(void) { return NULL; }
void curl_easy_cleanup(void *handle) { (void)handle; }
int curl_easy_getinfo(void *handle, int info, ...) { (void)handle; (void)info; return FAILED_INIT; }
int curl_easy_setopt(void *handle, int option, ...) { (void)handle; (void)option; return FAILED_INIT; }
int curl_easy_pause(void *handle, int mask) { (void)handle; (void)mask; return FAILED_INIT; }
const char *curl_easy_strerror(int code) { (void)code; return "onedoor has no HTTP client"; }
void curl_free(void *pointer) { (void)pointer; }
int curl_global_init(long flags) { (void)flags; return FAILED_INIT; }
void *curl_multi_init(void) { return NULL; }
int curl_multi_cleanup(void *multi) { (void)multi; return 0; }
int curl_multi_add_handle(void *multi, void *handle) { (void)multi; (void)handle; return FAILED_INIT; }
int curl_multi_remove_handle(void *multi, void *handle) { (void)multi; (void)handle; return FAILED_INIT; }
int curl_multi_assign(void *multi, int socket, void *pointer) { (void)multi; (void)socket; (void)pointer; return FAILED_INIT; }
void *curl_multi_info_read(void *multi, int *left) { (void)multi; if (left) *left = 0; return NULL; }
int curl_multi_setopt(void *multi, int option, ...) { (void)multi; (void)option; return FAILED_INIT; }
int curl_multi_socket_action(void *multi, int socket, int mask, int *running) {
  (void)multi; (void)socket; (void)mask; if (running) *running = 0; return FAILED_INIT;
}
void *curl_slist_append(void *list, const char *text) { (void)text; return list; }
void curl_slist_free_all(void *list) { (void)list; }
void *curl_url(void) { return NULL; }
int curl_url_get(void *url, int part, char **text, unsigned int flags) { (void)url; (void)part; (void)flags; if (text) *text = NULL; return 1; }
int curl_url_set(void *url, int part, const char *text, unsigned int flags) { (void)url; (void)part; (void)text; (void)flags; return 1; }
char *curl_version(void) { return "none"; }
void *curl_version_info(int age) { (void)age; return NULL; }
