// GCC 13's libstdc++ (GLIBCXX_3.4.32) initialises the standard streams through std::ios_base_library_init(), which
// libLibTorchSharp.so calls; GCC 12's libstdc++ (Debian 12) lacks it. Constructing a std::ios_base::Init object is
// what that function does, and what older libstdc++ does in every translation unit that includes <iostream>.
#include <ios>

namespace std
{
void ios_base_library_init()
{
    static ios_base::Init init;
}
}
