/* fuzz_voice_profile.c - voice profile files (config/voice_profile.h):
 * nb_voice_profile_load() of the input, then a variant of each female and
 * male variant name it lists. */
#include "config/voice_profile.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write("anchor.yaml", data, size);
    struct nb_voice_profile v, var;
    struct nb_error err;
    nb_error_init(&err);
    nb_voice_profile_init(&v);
    nb_voice_profile_init(&var);
    nb_status rc = nb_voice_profile_load(&v, path, &err);
    fuzz_check_error(rc, &err);
    if (rc == NB_OK) {
        if (!v.espeak || !v.language || !v.name || v.rate < 80 || v.rate > 450 ||
            v.female.n > NB_VOICE_VARIANTS_MAX || v.male.n > NB_VOICE_VARIANTS_MAX)
            abort();
        for (size_t i = 0; i < v.female.n + v.male.n; i++) {
            const char *name = i < v.female.n ? v.female.v[i] : v.male.v[i - v.female.n];
            if (nb_voice_profile_variant(&v, name, &var, &err) != NB_OK)
                abort();
        }
    }
    nb_voice_profile_release(&var);
    nb_voice_profile_release(&v);
    return 0;
}
