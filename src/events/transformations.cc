#include "events/coder_run.h"

#include <map>
#include <string>
#include <vector>

namespace curlew {

bool Coder::Run::ApplyTransforms(const VerbInfo& vi, const std::string& code,
                                 const std::vector<ActorRef>& src,
                                 size_t first_event,
                                 const std::vector<int>& event_verb,
                                 std::vector<Event>* events) const {
  const auto& transforms = d_.verbs.transforms();
  if (transforms.empty() || src.empty()) return false;
  bool done = false;
  for (size_t k = first_event; k < events->size(); ++k) {
    int ev = event_verb[k - first_event];
    if (!InComplement(vi.v, ev)) continue;
    Event& e = (*events)[k];
    for (const VerbTransform& t : transforms) {
      if (t.upper_code.empty() || t.upper_code != code) continue;
      if (t.lower_code != "Q" && t.lower_code != e.cameo) continue;
      const ActorRef& a = src[0];
      std::map<std::string, std::string> var{{t.upper_source, a.code}};
      auto bind = [&](const std::string& v, const std::string& actual,
                      bool absent_ok_if_a) {
        if (v == ".") return true;
        if (v == "_")
          return actual.empty() || (absent_ok_if_a && actual == a.code);
        auto it = var.find(v);
        if (it != var.end()) return it->second == actual;
        var[v] = actual;
        return true;
      };
      if (!bind(t.lower_source, e.source, true)) continue;
      if (!bind(t.lower_target, e.target, false)) continue;
      auto value = [&](const std::string& v) {
        auto it = var.find(v);
        return it == var.end() ? std::string() : it->second;
      };
      std::string out_source = value(t.out_source);
      std::string out_target = value(t.out_target);
      if (out_source == a.code) e.source_text = TextOf(a.begin, a.end);
      if (out_target == a.code) e.target_text = TextOf(a.begin, a.end);
      e.source = out_source;
      e.target = out_target;
      e.cameo = t.out_code == "Q" ? e.cameo : t.out_code;
      e.attribution.clear();
      done = true;
      break;
    }
  }
  return done;
}

}  // namespace curlew
