// Throughput of the text layer (validation, tokenization, sentence
// splitting, norms) on generated news-like text: Segment() over articles of
// about 3 KB, and over one document of several MB.
//
//   build/bench/text_bench
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "curlew/text.h"

namespace {

// Sentence templates written for this benchmark; {A} {B} are actors, {N} a
// number, {D} a date, {P} a place.
const char* const kTemplates[] = {
    "{A} said on {D} that {B} had agreed to resume talks in {P}.",
    "\"We will not accept any preconditions,\" {A} told reporters in {P}.",
    "Gen. {A}, the army chief, met Sen. {B} at the U.S. Embassy on {D}.",
    "Shares of Norvane Inc. rose {N}% to ${N}.50 after the company's report.",
    "{A}'s government won't extradite the suspects, officials in {P} said.",
    "The long-term agreement, signed in {N}, still hasn't been ratified by "
    "{B}.",
    "Protesters in {P} chanted \"Free them now!\" as police looked on.",
    "\"Why did they wait so long?\" asked {A}, who leads the opposition.",
    "According to the U.N. refugee agency, about {N},000 people fled {P}.",
    "{A} accused {B} of violating the ceasefire, which took effect at 6 a.m.",
    "The talks, mediated by Dr. {B}, ended without a joint statement.",
    "Visit https://news.example.org/{N} or e-mail desk@example.com for "
    "details.",
};
const char* const kActors[] = {
    "Turkey",
    "China",
    "Mevl\u00FCt \u00C7avu\u015Fo\u011Flu",
    "the minister",
    "Recep Tayyip Erdo\u011Fan",
    "Lt. Col. Ruiz",
    "the European Union",
    "Ethiopia",
    "the World Bank",
    "President Rivas",
    "Sudan",
    "NATO",
};
const char* const kPlaces[] = {"Ankara",      "Beijing",     "Geneva",
                               "Kabul",       "Addis Ababa", "St. Petersburg",
                               "M\u00FCnchen"};
const char* const kDates[] = {"Dec. 30", "Monday",     "June 26",
                              "Sept. 4", "last April", "Tuesday"};
const char* const kDatelines[] = {"ANKARA, Dec 31 (Reuters) - ",
                                  "WASHINGTON (AP) \u2014 ",
                                  "BEIJING, June 26 (Xinhua) -- "};

std::string Sentence(std::mt19937& rng) {
  const std::string t = kTemplates[rng() % std::size(kTemplates)];
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{' && i + 2 < t.size() && t[i + 2] == '}') {
      switch (t[i + 1]) {
        case 'A':
        case 'B':
          out += kActors[rng() % std::size(kActors)];
          break;
        case 'P':
          out += kPlaces[rng() % std::size(kPlaces)];
          break;
        case 'D':
          out += kDates[rng() % std::size(kDates)];
          break;
        case 'N':
          out += std::to_string(rng() % 2000 + 10);
          break;
      }
      i += 2;
    } else {
      out += t[i];
    }
  }
  return out;
}

// An article of about `bytes` bytes: a dateline, then paragraphs of two to
// four sentences.
std::string Article(std::mt19937& rng, size_t bytes) {
  std::string text = kDatelines[rng() % std::size(kDatelines)];
  while (text.size() < bytes) {
    const int n = 2 + static_cast<int>(rng() % 3);
    for (int k = 0; k < n; ++k) {
      text += Sentence(rng);
      text += ' ';
    }
    text.back() = '\n';
    text += '\n';
  }
  return text;
}

// Articles of about 3 KB, `bytes` in all (*total: the exact sum).
std::vector<std::string> Articles(size_t bytes, size_t* total) {
  std::mt19937 rng(42);
  std::vector<std::string> articles;
  *total = 0;
  while (*total < bytes) {
    articles.push_back(Article(rng, 3000));
    *total += articles.back().size();
  }
  return articles;
}

// One Document reused for every article, as a worker thread would.
void BM_SegmentArticles(benchmark::State& state) {
  size_t total = 0;
  const std::vector<std::string> articles = Articles(4u << 20, &total);
  curlew::Document doc;
  for (auto _ : state) {
    for (const std::string& a : articles) {
      doc.text = a;
      benchmark::DoNotOptimize(curlew::Segment(doc));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total));
  state.counters["tokens_per_doc"] = static_cast<double>(doc.tokens.size());
}
BENCHMARK(BM_SegmentArticles)->Unit(benchmark::kMillisecond);

// The same articles, each in a new Document (as the reader hands them
// over): includes constructing every Token.
void BM_SegmentArticlesFreshDocuments(benchmark::State& state) {
  size_t total = 0;
  const std::vector<std::string> articles = Articles(4u << 20, &total);
  for (auto _ : state) {
    for (const std::string& a : articles) {
      curlew::Document doc;
      doc.text = a;
      benchmark::DoNotOptimize(curlew::Segment(doc));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total));
}
BENCHMARK(BM_SegmentArticlesFreshDocuments)->Unit(benchmark::kMillisecond);

void BM_SegmentOneLargeDocument(benchmark::State& state) {
  std::mt19937 rng(7);
  curlew::Document doc;
  const std::string text = Article(rng, 4u << 20);
  for (auto _ : state) {
    doc.text = text;
    benchmark::DoNotOptimize(curlew::Segment(doc));
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SegmentOneLargeDocument)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
