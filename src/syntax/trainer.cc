// TrainSyntaxModel: trains tagger, lemmatizer and parser from CoNLL-U.
//
// Determinism: every container that is iterated to build the model is
// ordered (std::map or sorted vectors) and all randomness comes from one
// std::mt19937_64 seeded from options.seed, so a fixed seed gives the same
// model file byte for byte on the same platform.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

#include "curlew/syntax.h"
#include "io/conllu.h"
#include "syntax/clusters.h"
#include "syntax/model_data.h"
#include "text/chars.h"

namespace curlew {
namespace syntax {
namespace {

struct TrainSentence {
  std::vector<std::string_view> words;
  std::vector<WordInfo> info;  // the tagger's description of the words
  std::vector<std::string_view> lemmas;
  std::vector<int> tags;   // gold tag classes
  std::vector<int> heads;  // index 0 unused
  std::vector<int> rels;   // label ids; index 0 unused
};

void Progress(const SyntaxTrainOptions& o, const std::string& line) {
  if (o.progress) o.progress(line);
}

// Fisher-Yates with our own engine, so the order is the same everywhere.
void Shuffle(std::vector<size_t>& v, std::mt19937_64& rng) {
  for (size_t i = v.size(); i > 1; --i) {
    size_t j = rng() % i;
    std::swap(v[i - 1], v[j]);
  }
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f", v);
  return buf;
}

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

// Trains a tagger pass on the sentences listed in `use`: the first pass,
// or with `first` (first-pass tags of every sentence, each from a tagger
// that did not see it) the second.
LinearModel TrainTagger(const Tagger& shape,
                        const std::vector<TrainSentence>& data,
                        const std::vector<size_t>& use, int epochs,
                        std::mt19937_64& rng,
                        const std::vector<std::vector<int>>* first = nullptr) {
  const int classes = shape.num_classes();
  Perceptron p(classes);
  std::vector<size_t> order = use;
  uint64_t feats[Tagger::kMaxFeatures];
  std::vector<float> scores(classes);
  for (int e = 0; e < epochs; ++e) {
    Shuffle(order, rng);
    for (size_t idx : order) {
      const TrainSentence& s = data[idx];
      int prev = -1, prev2 = -1;
      for (size_t i = 0; i < s.words.size(); ++i) {
        const size_t n =
            shape.Features(s.info, static_cast<int>(i), prev, prev2,
                           first ? &(*first)[idx] : nullptr, feats);
        std::fill(scores.begin(), scores.end(), 0.0f);
        p.Score(feats, n, scores.data());
        int guess = ArgMax(scores.data(), classes);
        p.Tick();
        p.Update(feats, n, s.tags[i], guess);
        prev2 = prev;
        prev = guess;
      }
    }
  }
  // Scored a word at a time: the weights get the precision that
  // kMaxFeatures allows (LinearModel::Build).
  return p.Freeze(0.0f, 32767 / static_cast<int>(Tagger::kMaxFeatures));
}

}  // namespace
}  // namespace syntax

Status TrainSyntaxModel(const SyntaxTrainOptions& o) {
  using namespace syntax;
  const auto start = std::chrono::steady_clock::now();
  if (o.train_path.empty() || o.out_path.empty()) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "training needs a training file and an output path");
  }
  if (o.parser_beam < 1 || o.parser_beam > 256) {
    return Status::Error(ErrorCode::kInvalidArgument,
                         "the parser's beam must be 1 to 256");
  }
  Result<Document> train_doc = ReadConlluFile(o.train_path);
  if (!train_doc.ok()) return train_doc.status();
  const Document& doc = *train_doc;
  if (doc.sentences.empty()) {
    return Status::Error(ErrorCode::kEmptyInput, "no sentences", o.train_path);
  }

  // Classes and labels, in sorted order.
  std::map<std::pair<std::string, std::string>, int> tag_ids;
  std::map<std::string, int> label_ids;
  for (const Token& t : doc.tokens) {
    tag_ids.emplace(std::make_pair(t.upos, t.xpos), 0);
    if (t.head >= 0) label_ids.emplace(t.deprel, 0);
  }
  if (tag_ids.size() > 255 || label_ids.size() > 127 || label_ids.empty()) {
    return Status::Error(ErrorCode::kUnsupported,
                         "too many tag classes or relations (or none)",
                         o.train_path);
  }
  ModelData model;
  model.LoadWordNet(o.wordnet_dir);
  model.tagger.features = o.tagger_features;
  {
    std::vector<std::string> upos, xpos;
    for (auto& [k, id] : tag_ids) {
      id = static_cast<int>(upos.size());
      upos.push_back(k.first);
      xpos.push_back(k.second);
    }
    model.tagger.SetClasses(std::move(upos), std::move(xpos));
  }
  for (auto& [k, id] : label_ids) {
    id = static_cast<int>(model.parser.labels.size());
    model.parser.labels.push_back(k);
  }

  std::vector<TrainSentence> data;
  data.reserve(doc.sentences.size());
  for (const Sentence& s : doc.sentences) {
    TrainSentence ts;
    ts.heads.push_back(-1);
    ts.rels.push_back(-1);
    bool tree = true;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const Token& t = doc.tokens[i];
      ts.words.push_back(doc.TokenText(t));
      ts.lemmas.push_back(t.lemma);
      ts.tags.push_back(tag_ids.at({t.upos, t.xpos}));
      tree = tree && t.head >= 0;
      ts.heads.push_back(t.head);
      ts.rels.push_back(t.head >= 0 ? label_ids.at(t.deprel) : -1);
    }
    if (!tree) ts.heads.clear();  // not used for the parser
    data.push_back(std::move(ts));
  }

  // Experiments on the parser: the tagger and its jackknifed tags from an
  // earlier run of the same tagger options.
  std::vector<std::vector<int>> parser_tags(data.size());
  ModelBytes cache_bytes;  // the cached tagger's tables point into these
  bool cached = false;
  if (!o.tagger_cache.empty()) {
    auto bytes = ModelBytes::Map(o.tagger_cache);
    if (bytes.ok() && !bytes->bytes().empty()) {
      cache_bytes = std::move(*bytes);
      BinaryReader in(cache_bytes.bytes());
      Tagger t;
      uint64_t n = 0;
      bool ok = t.Read(in) && t.upos == model.tagger.upos &&
                t.xpos == model.tagger.xpos && in.Get(n) && n == data.size();
      for (size_t i = 0; ok && i < data.size(); ++i) {
        ok = in.GetArray(parser_tags[i]) &&
             parser_tags[i].size() == data[i].words.size();
      }
      if (!ok) {
        return Status::Error(ErrorCode::kInvalidArgument,
                             "tagger cache does not fit the training data",
                             o.tagger_cache);
      }
      t.wordnet = &model.wordnet;
      model.tagger = std::move(t);
      cached = true;
      Progress(o, "tagger and jackknifed tags from " + o.tagger_cache);
    }
  }

  // Ambiguity classes: the set of tags of each word seen at least twice.
  if (!cached) {
    std::map<uint64_t, std::pair<int, std::set<int>>> seen;
    for (const TrainSentence& s : data) {
      for (size_t i = 0; i < s.words.size(); ++i) {
        auto& e = seen[Fnv1a(text::AsciiLower(s.words[i]))];
        ++e.first;
        e.second.insert(s.tags[i]);
      }
    }
    std::vector<std::pair<uint64_t, uint64_t>> amb;
    for (const auto& [word, e] : seen) {
      if (e.first < 2) continue;
      uint64_t h = 0x1234;
      for (int t : e.second) h = Mix(h + static_cast<uint64_t>(t) + 1);
      amb.push_back({word, h});
    }
    model.tagger.ambiguity = FlatMap<uint64_t>::Build(std::move(amb));
  }
  // Word clusters from the training text, when a feature group uses them.
  model.parser.features = o.parser_features;
  if (!cached && ((o.tagger_features & Tagger::kClusters) ||
                  (o.parser_features & Parser::kClusters))) {
    std::vector<std::vector<std::string_view>> text;
    for (const TrainSentence& s : data) text.push_back(s.words);
    ClusterOptions co;
    co.classes = o.cluster_classes;
    model.tagger.clusters = FlatMap<uint16_t>::Build(InduceClusters(text, co));
    Progress(o, std::to_string(model.tagger.clusters.size()) +
                    " words clustered, " + Fixed(Seconds(start)) + " s");
  }
  // What the tagger sees of each word, computed once for every pass.
  for (TrainSentence& s : data) model.tagger.Describe(s.info, s.words);

  std::mt19937_64 rng(o.seed);
  std::vector<size_t> all(data.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;

  // With reuse_model, the parser comes from an earlier model trained on the
  // same data; tagger and lemmatizer are trained again (for experiments on
  // the tagger without the parser's long training).
  ModelData base;
  const bool reuse = !o.reuse_model.empty();
  if (reuse) {
    Status s = ReadModelFile(o.reuse_model, base);
    if (!s.ok()) return s;
    if (base.tagger.upos != model.tagger.upos ||
        base.tagger.xpos != model.tagger.xpos ||
        base.parser.labels != model.parser.labels) {
      return Status::Error(ErrorCode::kInvalidArgument,
                           "model was trained on other tags or relations",
                           o.reuse_model);
    }
  }
  // Tagger.
  if (!cached) {
    model.tagger.model =
        TrainTagger(model.tagger, data, all, o.tagger_epochs, rng);
    Progress(o, "tagger trained: " +
                    std::to_string(model.tagger.model.num_features()) +
                    " features, " + Fixed(Seconds(start)) + " s");
  }

  // Jackknifing: each fold's sentences are tagged by taggers trained on the
  // other folds. The first pass's tags train the second pass (it learns
  // how far to trust them); both passes' tags train the parser (it learns
  // on tags as it will see them).
  if (!cached) {
    for (size_t i = 0; i < data.size(); ++i) parser_tags[i] = data[i].tags;
  }
  const int folds = cached ? 0 : o.jackknife_folds;
  if (folds > 1) {
    auto rest_of = [&](int fold) {
      std::vector<size_t> rest;
      for (size_t i = 0; i < data.size(); ++i) {
        if (static_cast<int>(i % folds) != fold) rest.push_back(i);
      }
      return rest;
    };
    auto tag_fold = [&](const Tagger& t, int fold, const char* what) {
      size_t right = 0, total = 0;
      std::vector<std::vector<int>> out(data.size());
      for (size_t i = fold; i < data.size(); i += folds) {
        t.Tag(data[i].info, out[i]);
        for (size_t k = 0; k < data[i].info.size(); ++k) {
          right += out[i][k] == data[i].tags[k];
          ++total;
        }
      }
      Progress(o, std::string("jackknife fold ") + std::to_string(fold) + ", " +
                      what + ": tag accuracy " +
                      Fixed(100.0 * right / std::max<size_t>(total, 1)) + ", " +
                      Fixed(Seconds(start)) + " s");
      return out;
    };
    std::vector<std::vector<int>> first(data.size());
    std::vector<LinearModel> fold_first(folds);
    for (int fold = 0; fold < folds; ++fold) {
      Tagger t = model.tagger;
      t.model =
          TrainTagger(model.tagger, data, rest_of(fold), o.tagger_epochs, rng);
      fold_first[fold] = t.model;
      auto tags = tag_fold(t, fold, "first pass");
      for (size_t i = fold; i < data.size(); i += folds) first[i] = tags[i];
    }
    model.tagger.second =
        TrainTagger(model.tagger, data, all, o.tagger_epochs, rng, &first);
    Progress(o, "tagger second pass trained: " +
                    std::to_string(model.tagger.second.num_features()) +
                    " features, " + Fixed(Seconds(start)) + " s");
    // The second pass skips words whose first-pass margin is so large that
    // it hardly ever changes their tag: the margin above which, over the
    // held-out folds, it changed at most 1 word in 2,000.
    std::vector<Tagger> fold_taggers;
    std::vector<float> changed;  // first-pass margins of retagged words
    size_t words = 0;
    for (int fold = 0; fold < folds; ++fold) {
      Tagger t = model.tagger;
      t.model = fold_first[fold];
      t.second = TrainTagger(model.tagger, data, rest_of(fold), o.tagger_epochs,
                             rng, &first);
      std::vector<int> a, b;
      std::vector<float> margins;
      for (size_t i = fold; i < data.size(); i += folds) {
        const std::vector<WordInfo>& info = data[i].info;
        t.TagWith(t.model, t.num_classes(), info, nullptr, a, &margins);
        t.TagWith(t.second, t.num_classes(), info, &a, b);
        for (size_t k = 0; k < a.size(); ++k) {
          if (a[k] != b[k]) changed.push_back(margins[k]);
        }
        words += a.size();
      }
      fold_taggers.push_back(std::move(t));
    }
    std::sort(changed.begin(), changed.end(), std::greater<float>());
    const size_t allowed = words / 2000;
    model.tagger.second_pass_margin =
        changed.size() > allowed
            ? std::nextafter(changed[allowed],
                             std::numeric_limits<float>::infinity())
            : 0.0f;
    Progress(o, "tagger second pass for first-pass margins below " +
                    Fixed(model.tagger.second_pass_margin) + " (" +
                    std::to_string(changed.size()) + " of " +
                    std::to_string(words) + " held-out words retagged)");
    for (int fold = 0; fold < folds && !reuse; ++fold) {
      fold_taggers[fold].second_pass_margin = model.tagger.second_pass_margin;
      auto tags = tag_fold(fold_taggers[fold], fold, "both passes");
      for (size_t i = fold; i < data.size(); i += folds) {
        parser_tags[i] = tags[i];
      }
    }
  }

  if (!cached && !o.tagger_cache.empty()) {
    BinaryWriter out;
    model.tagger.Write(out);
    out.Put<uint64_t>(data.size());
    for (const std::vector<int>& tags : parser_tags) out.PutArray(tags);
    std::ofstream f(o.tagger_cache, std::ios::binary | std::ios::trunc);
    f.write(out.data().data(), static_cast<std::streamsize>(out.data().size()));
    if (!f) {
      return Status::Error(ErrorCode::kIoError, "cannot write tagger cache",
                           o.tagger_cache);
    }
  }

  // Lemmatizer.
  {
    Lemmatizer& lem = model.lemmatizer;
    std::vector<EditScript>& scripts = lem.scripts;
    std::map<std::tuple<int, int, std::string>, uint32_t> script_ids;
    auto script_id = [&](const EditScript& e) {
      auto key = std::make_tuple(static_cast<int>(e.casing),
                                 static_cast<int>(e.strip), e.append);
      auto it = script_ids.find(key);
      if (it != script_ids.end()) return it->second;
      uint32_t id = static_cast<uint32_t>(scripts.size());
      scripts.push_back(e);
      script_ids.emplace(key, id);
      return id;
    };
    std::vector<std::string_view> all_words, all_lemmas;
    std::vector<int> all_tags;
    for (const TrainSentence& s : data) {
      all_words.insert(all_words.end(), s.words.begin(), s.words.end());
      all_lemmas.insert(all_lemmas.end(), s.lemmas.begin(), s.lemmas.end());
      all_tags.insert(all_tags.end(), s.tags.begin(), s.tags.end());
    }
    const std::vector<uint8_t> keep_case = Lemmatizer::KeepCase(
        all_words, all_lemmas, all_tags, model.tagger.num_classes());
    // (key) -> script -> count; std::map keeps the order fixed.
    std::map<uint64_t, std::map<uint32_t, int>> lex, rules, exact;
    std::set<std::tuple<std::string, int, std::string>> types;
    std::set<uint64_t> known_lemmas;
    for (const TrainSentence& s : data) {
      for (size_t i = 0; i < s.words.size(); ++i) {
        if (s.lemmas[i].empty()) continue;
        uint32_t id = script_id(
            EditScript::Between(s.words[i], s.lemmas[i], keep_case[s.tags[i]]));
        std::string low = text::AsciiLower(s.words[i]);
        ++lex[Lemmatizer::LexiconKey(low, s.tags[i])][id];
        ++exact[Lemmatizer::ExactKey(s.words[i], s.tags[i])][id];
        known_lemmas.insert(Fnv1a(text::AsciiLower(s.lemmas[i])));
        ++lex[Lemmatizer::LexiconKey(low, -1)][id];
        types.emplace(std::string(s.words[i]), s.tags[i],
                      std::string(s.lemmas[i]));
      }
    }
    for (const auto& [form, tag, lemma] : types) {
      uint32_t id = script_id(EditScript::Between(form, lemma, keep_case[tag]));
      std::string low = text::AsciiLower(form);
      for (int len = 0;
           len <= Lemmatizer::kMaxSuffix && len <= static_cast<int>(low.size());
           ++len) {
        ++rules[Lemmatizer::RuleKey(low, len, tag)][id];
      }
    }
    auto best = [](const std::map<uint32_t, int>& counts) {
      uint32_t id = 0;
      int n = -1;
      for (auto [k, c] : counts) {
        if (c > n) {
          n = c;
          id = k;
        }
      }
      return id;
    };
    std::vector<std::pair<uint64_t, uint32_t>> items;
    for (const auto& [k, counts] : lex) items.push_back({k, best(counts)});
    lem.lexicon = FlatMap<uint32_t>::Build(std::move(items));
    items.clear();
    for (const auto& [k, counts] : rules) {
      std::vector<std::pair<int, uint32_t>> ranked;  // (-count, script)
      for (auto [id, c] : counts) ranked.push_back({-c, id});
      std::sort(ranked.begin(), ranked.end());
      for (int r = 0;
           r < Lemmatizer::kRanks && r < static_cast<int>(ranked.size()); ++r) {
        items.push_back({Lemmatizer::RankKey(k, r), ranked[r].second});
      }
    }
    lem.rules = FlatMap<uint32_t>::Build(std::move(items));
    {
      std::vector<std::pair<uint64_t, uint8_t>> known;
      for (uint64_t k : known_lemmas) known.push_back({k, 1});
      lem.known = FlatMap<uint8_t>::Build(std::move(known));
    }
    // Exact-form entries only where they differ from the lower-case entry
    // ("i" -> "I" while "I" -> "I" is the same script).
    items.clear();
    for (const TrainSentence& s : data) {
      for (size_t i = 0; i < s.words.size(); ++i) {
        uint64_t key = Lemmatizer::ExactKey(s.words[i], s.tags[i]);
        auto it = exact.find(key);
        if (it == exact.end()) continue;
        uint32_t id = best(it->second);
        uint32_t low = *lem.lexicon.Find(
            Lemmatizer::LexiconKey(text::AsciiLower(s.words[i]), s.tags[i]));
        if (scripts[id].Apply(s.words[i]) != scripts[low].Apply(s.words[i])) {
          items.push_back({key, id});
        }
        exact.erase(it);
      }
    }
    lem.exact = FlatMap<uint32_t>::Build(std::move(items));
    for (const std::string& x : model.tagger.xpos) {
      lem.wordnet_pos.push_back(Lemmatizer::WordNetPos(x));
      lem.proper.push_back(x == "NNP" || x == "NNPS");
    }
  }

  // The parser's input: words with their jackknifed tags.
  std::vector<ParserInput> inputs(data.size());
  std::vector<size_t> order;
  for (size_t i = 0; i < data.size(); ++i) {
    if (data[i].heads.empty()) continue;
    ParserInput& in = inputs[i];
    in.Resize(data[i].words.size() + 1);
    in.features = model.parser.features;
    for (size_t k = 0; k < data[i].words.size(); ++k) {
      FillParserInput(model.tagger, data[i].info[k], parser_tags[i][k], k + 1,
                      in);
    }
    order.push_back(i);
  }
  // Punctuation attacher: ranks heads for marks in the gold trees.
  {
    Perceptron pp(1);
    std::vector<PunctSentence> trees(data.size());
    for (size_t i : order) {
      PunctSentence& t = trees[i];
      t.in = &inputs[i];
      t.heads = data[i].heads;
      t.rels = data[i].rels;
      t.punct.assign(data[i].words.size() + 1, 0);
      for (size_t k = 0; k < data[i].words.size(); ++k) {
        t.punct[k + 1] = model.tagger.upos[data[i].tags[k]] == "PUNCT";
      }
    }
    std::vector<size_t> punct_order = order;
    for (int e = 0; e < o.punct_epochs; ++e) {
      Shuffle(punct_order, rng);
      size_t wrong = 0;
      for (size_t i : punct_order) {
        wrong += PunctAttacher::TrainSentence(pp, trees[i]);
      }
      Progress(o, "punctuation epoch " + std::to_string(e + 1) + ": " +
                      std::to_string(wrong) + " marks ranked wrong");
    }
    if (o.punct_epochs > 0) model.punct.model = pp.Freeze();
  }

  // Parser.
  if (reuse) {
    model.parser = base.parser;
  } else {
    const int num_labels = static_cast<int>(model.parser.labels.size());
    Perceptron p(model.parser.num_classes());
    model.parser.beam = o.parser_beam;
    for (int e = 0; e < o.parser_epochs; ++e) {
      Shuffle(order, rng);
      size_t errors = 0, steps = 0;
      for (size_t i : order) {
        if (o.parser_beam > 1) {
          errors +=
              Parser::TrainBeamSentence(p, num_labels, o.parser_beam, inputs[i],
                                        data[i].heads, data[i].rels);
          ++steps;
          continue;
        }
        errors += Parser::TrainSentence(p, num_labels, inputs[i], data[i].heads,
                                        data[i].rels, e > 0, rng);
        steps += 2 * data[i].words.size();
      }
      Progress(o, "parser epoch " + std::to_string(e + 1) + ": " +
                      Fixed(100.0 * errors / std::max<size_t>(steps, 1)) +
                      (o.parser_beam > 1 ? "% sentences updated, "
                                         : "% wrong moves, ") +
                      Fixed(Seconds(start)) + " s");
    }
    // Drop the weakest parser features if the file would exceed its limit.
    model.parser.model = LinearModel();
    const size_t rest = EncodeModel(model).size();
    float prune = o.prune;
    if (rest < o.max_model_bytes) {
      prune = std::max(prune, p.PruneFor(o.max_model_bytes - rest));
    }
    // Scored a configuration at a time: the weights get the precision that
    // kMaxFeatures allows (LinearModel::Build).
    model.parser.model =
        p.Freeze(prune, 32767 / static_cast<int>(Parser::kMaxFeatures));
    Progress(o, "parser: prune " + std::to_string(prune) + ", " +
                    std::to_string(model.parser.model.num_features()) +
                    " features, " +
                    std::to_string(model.parser.model.num_weights()) +
                    " weights");
  }

  Status st = WriteModelFile(model, o.out_path);
  if (!st.ok()) return st;
  Progress(o, "model written to " + o.out_path + " (" +
                  std::to_string(EncodeModel(model).size()) + " bytes) after " +
                  Fixed(Seconds(start)) + " s");

  if (!o.dev_path.empty()) {
    Result<Document> dev = ReadConlluFile(o.dev_path);
    if (!dev.ok()) return dev.status();
    auto loaded = SyntaxModel::Load(o.out_path);
    if (!loaded.ok()) return loaded.status();
    Document sys = *dev;
    Status a = (*loaded)->Annotate(sys);
    if (!a.ok()) return a;
    SyntaxScores sc = ScoreSameTokens(*dev, sys);
    Progress(o, "dev: upos " + Fixed(sc.F1(sc.upos)) + " xpos " +
                    Fixed(sc.F1(sc.xpos)) + " lemma " + Fixed(sc.F1(sc.lemma)) +
                    " uas " + Fixed(sc.F1(sc.uas)) + " las " +
                    Fixed(sc.F1(sc.las)));
  }
  return Status();
}

}  // namespace curlew
