// Stores for the server's tests: the example corpus (data/examples) coded
// by the engine with its ledger, and a synthetic store of many events.
// Each is built once per test binary into a temporary folder.
#ifndef CURLEW_SERVER_TEST_STORES_H_
#define CURLEW_SERVER_TEST_STORES_H_

#include <sstream>
#include <string>

#include "curlew/engine.h"
#include "curlew/reader.h"
#include "curlew/store.h"
#include "store/ingest.h"
#include "store/synthetic.h"
#include "store/test_util.h"

namespace curlew::server::testing {

// The folder both stores live in, removed at exit.
inline store::testing::TempDir& Folder() {
  static store::testing::TempDir dir;
  return dir;
}

// data/examples/reports.jsonl coded into a store; "" with *error set when
// the engine or the ingest failed.
inline std::string ExampleStore(std::string* error) {
  static std::string path, failure;
  static bool built = false;
  if (!built) {
    built = true;
    auto engine = Engine::Create({});
    auto store = engine.ok() ? Store::Open(Folder().File("examples.db"), {})
                             : Result<std::unique_ptr<Store>>(engine.status());
    if (!store.ok()) {
      failure = store.status().ToString();
    } else {
      DocumentReader source({"data/examples/reports.jsonl"}, {});
      store::IngestOptions options;
      const Engine& coder = **engine;
      options.ledger = [&](const Document& d) {
        return coder.LedgerInputOf(d);
      };
      std::ostringstream log;
      auto stats = store::Ingest(
          source, [&](Document& d) { return coder.Process(d); }, **store,
          options, log);
      if (!stats.ok()) {
        failure = stats.status().ToString();
      } else {
        path = Folder().File("examples.db");
      }
    }
  }
  *error = failure;
  return path;
}

// `documents` synthetic documents of 4 events each, written directly.
inline std::string SyntheticStore(int documents) {
  std::string path =
      Folder().File("synthetic-" + std::to_string(documents) + ".db");
  auto store = Store::Open(path, {});
  if (!store.ok()) return "";
  auto counts = (*store)->Counts();
  if (counts.ok() && counts->documents == documents) return path;
  WriteBatch batch;
  for (int i = 0; i < documents; ++i)
    batch.documents.push_back(store::SyntheticDocument(i));
  if (!(*store)->Write(batch).ok()) return "";
  return path;
}

}  // namespace curlew::server::testing

#endif  // CURLEW_SERVER_TEST_STORES_H_
