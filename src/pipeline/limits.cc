#include "curlew/limits.h"

#include <cstdint>
#include <string>

namespace curlew {

Status Limits::Validate() const {
  struct Field {
    const char* name;
    size_t value;
    size_t max;
  };
  // Byte offsets in a Document are 32-bit (Span), so a document must stay
  // under 4 GiB.
  const Field fields[] = {
      {"max_document_bytes", max_document_bytes, UINT32_MAX},
      {"max_sentence_tokens", max_sentence_tokens, UINT32_MAX},
      {"max_coded_sentence_tokens", max_coded_sentence_tokens, UINT32_MAX},
      {"max_parsed_sentence_tokens", max_parsed_sentence_tokens, UINT32_MAX},
      {"max_conllu_words", max_conllu_words, UINT32_MAX},
      {"max_ptb_nodes", max_ptb_nodes, UINT32_MAX},
      {"max_ptb_depth", max_ptb_depth, 100000},
      {"max_dictionary_bytes", max_dictionary_bytes, SIZE_MAX / 2},
  };
  for (const Field& f : fields) {
    if (f.value == 0 || f.value > f.max) {
      return Status::Error(ErrorCode::kInvalidArgument,
                           std::string(f.name) + " must be between 1 and " +
                               std::to_string(f.max) + ", not " +
                               std::to_string(f.value));
    }
  }
  return Status();
}

}  // namespace curlew
