#include "ledger/knowledge.h"

#include <cctype>
#include <cstdint>
#include <filesystem>

#include "curlew/env.h"

namespace curlew {

std::string AgreementAliases::NormalName(std::string_view name) {
  std::string out, word;
  bool first = true;
  auto flush = [&] {
    if (word.empty()) return;
    const bool year =
        word.size() == 4 && std::isdigit(static_cast<unsigned char>(word[0]));
    if (!(first && (word == "the" || year))) {
      if (!out.empty()) out += ' ';
      out += word;
      first = false;
    }
    word.clear();
  };
  for (char c : name) {
    if (c == ' ' || c == '\t') {
      flush();
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  flush();
  return out;
}

Result<AgreementAliases> AgreementAliases::Parse(std::string_view text,
                                                 const std::string& name) {
  AgreementAliases a;
  for (const TableRow& row : TableRows(text)) {
    if (row.cols.size() != 2 || row.cols[0].empty() || row.cols[1].empty())
      return Status::Error(ErrorCode::kInvalidArgument,
                           "agreement name line needs title<TAB>alias", name,
                           static_cast<int64_t>(row.at));
    a.titles_[NormalName(row.cols[1])] = std::string(row.cols[0]);
    a.names_.insert(NormalName(row.cols[0]));
    a.names_.insert(NormalName(row.cols[1]));
  }
  return a;
}

std::string AgreementAliases::TitleOf(std::string_view name) const {
  if (name.empty()) return "";
  auto it = titles_.find(NormalName(name));
  return it == titles_.end() ? "" : it->second;
}

bool AgreementAliases::Knows(std::string_view name) const {
  return !name.empty() && names_.count(NormalName(name)) > 0;
}

Result<LedgerKnowledge> LedgerKnowledge::Load(const std::string& kb_dir) {
  LedgerKnowledge k;
  // Each file is a few kilobytes; 16 MiB is far beyond any real one.
  constexpr size_t kMaxBytes = size_t{16} << 20;
  const std::string members = kb_dir + "/memberships.tsv";
  if (std::filesystem::exists(members)) {
    auto m = Memberships::Load(members);
    if (!m.ok()) return m.status();
    k.memberships = std::move(*m);
  }
  const std::string names = kb_dir + "/agreement_names.tsv";
  if (std::filesystem::exists(names)) {
    auto text = Env::Default()->ReadFileToString(names, kMaxBytes);
    if (!text.ok()) return text.status();
    auto a = AgreementAliases::Parse(*text, names);
    if (!a.ok()) return a.status();
    k.aliases = std::move(*a);
  }
  return k;
}

}  // namespace curlew
