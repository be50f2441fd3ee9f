// Runs every fuzz entry function (fuzz/fuzz_targets.h) as an ordinary
// function over a few thousand inputs mutated from the seed corpus
// (fuzz/corpus/<target>/) with a fixed seed, so that every build exercises
// the readers on hostile bytes without clang or libFuzzer. Passing means:
// no crash, and every input handled within a time bound.
//
// The entry functions are compiled into this binary directly (they live in
// fuzz/, outside the library).
#include "../fuzz/fuzz_targets.cc"

#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace curlew::fuzz {
namespace {

constexpr size_t kMaxInputBytes = 8192;
// Far above what any input takes (well under a millisecond for a reader, a
// few for the whole pipeline, also in the sanitizer build); a hang or a
// quadratic blow-up shows up here. Counted in the process's CPU seconds,
// not wall seconds: on a loaded machine a niced test waits for the CPU for
// seconds at a time (a 128-byte dictionary took 15 s of wall time so), and
// a loop that never ends spends CPU all the same.
constexpr double kMaxSecondsPerInput = 5.0;

double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

std::vector<std::string> LoadSeeds(std::string_view target) {
  std::vector<std::string> seeds;
  const std::filesystem::path dir = std::filesystem::path(CURLEW_SOURCE_DIR) /
                                    "fuzz" / "corpus" / std::string(target);
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    seeds.push_back(bytes.str());
  }
  std::sort(seeds.begin(), seeds.end());  // directory order varies
  return seeds;
}

// Byte-level mutations in the manner of libFuzzer's: flips, inserts of
// bytes that matter to the formats, deletions, duplications, splices.
class Mutator {
 public:
  explicit Mutator(uint32_t seed) : rng_(seed) {}

  std::string Mutate(std::string s, const std::vector<std::string>& pool) {
    const int rounds = 1 + static_cast<int>(Below(8));
    for (int r = 0; r < rounds; ++r) {
      switch (Below(7)) {
        case 0:  // flip a bit
          if (!s.empty())
            s[Below(s.size())] ^= static_cast<char>(1 << Below(8));
          break;
        case 1: {  // insert a byte that matters to some format
          static constexpr char kSpecial[] =
              "<>\"'=/\t\n\r()[]{}#-_:;,.&\\ +~!$*^1\x00\xC3\xA9\xE2\x80\xFF";
          s.insert(s.begin() + static_cast<long>(Below(s.size() + 1)),
                   kSpecial[Below(sizeof kSpecial - 1)]);
          break;
        }
        case 2:  // insert a random byte
          s.insert(s.begin() + static_cast<long>(Below(s.size() + 1)),
                   static_cast<char>(Below(256)));
          break;
        case 3: {  // delete a range
          if (s.empty()) break;
          const size_t at = Below(s.size());
          s.erase(at, 1 + Below(std::min<size_t>(64, s.size() - at)));
          break;
        }
        case 4: {  // duplicate a range
          if (s.empty()) break;
          const size_t at = Below(s.size());
          const std::string piece =
              s.substr(at, 1 + Below(std::min<size_t>(256, s.size() - at)));
          s.insert(Below(s.size() + 1), piece);
          break;
        }
        case 5: {  // splice in a piece of another input
          const std::string& other = pool[Below(pool.size())];
          if (other.empty()) break;
          const size_t at = Below(other.size());
          s.insert(Below(s.size() + 1),
                   other.substr(at, 1 + Below(other.size() - at)));
          break;
        }
        default:  // truncate
          if (!s.empty()) s.resize(Below(s.size()));
          break;
      }
    }
    if (s.size() > kMaxInputBytes) s.resize(kMaxInputBytes);
    return s;
  }

  size_t Below(size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng_);
  }

 private:
  std::mt19937 rng_;
};

class FuzzSmokeTest : public ::testing::TestWithParam<FuzzTarget> {};

TEST_P(FuzzSmokeTest, MutatedInputsNeitherCrashNorHang) {
  const FuzzTarget& target = GetParam();
  const std::vector<std::string> seeds = LoadSeeds(target.name);
  ASSERT_FALSE(seeds.empty()) << "no seed corpus for " << target.name;
  // Inputs that are bad from the first byte, for every target.
  std::vector<std::string> pool = seeds;
  pool.push_back("");
  pool.push_back(std::string(3000, '('));
  pool.push_back(std::string(3000, '<'));
  pool.push_back(std::string("\xFF\xFE\x00\x01", 4));

  Mutator mutator(20240601);
  double slowest = 0;
  std::string slowest_input;
  for (int i = 0; i < target.smoke_inputs; ++i) {
    // Half the inputs grow from earlier mutants, as a fuzzer's corpus does.
    const std::string& base = pool[mutator.Below(pool.size())];
    std::string input = i < static_cast<int>(pool.size())
                            ? pool[static_cast<size_t>(i)]
                            : mutator.Mutate(base, pool);
    const double start = CpuSeconds();
    const int rc = target.function(
        reinterpret_cast<const uint8_t*>(input.data()), input.size());
    const double seconds = CpuSeconds() - start;
    ASSERT_EQ(rc, 0);
    if (seconds > slowest) {
      slowest = seconds;
      slowest_input = input;
    }
    if (i % 2 == 1 && pool.size() < 256) pool.push_back(std::move(input));
  }
  EXPECT_LT(slowest, kMaxSecondsPerInput)
      << target.name << ": slowest input (" << slowest_input.size()
      << " bytes) took " << slowest << " s of CPU";
}

INSTANTIATE_TEST_SUITE_P(AllReaders, FuzzSmokeTest,
                         ::testing::ValuesIn(kFuzzTargets),
                         [](const ::testing::TestParamInfo<FuzzTarget>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace curlew::fuzz
