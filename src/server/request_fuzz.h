// Fuzz entry for the API's request handling: arbitrary bytes as a request
// target ("/api/events?limit=5&source=TUR"), decoded as the HTTP layer
// decodes it, answered by Api::Handle over a small synthetic store. The
// answer must be a JSON object with status 200, 400 or 404, and an error
// must say {"error": {"code", "message"}}; anything else aborts (a finding).
//
// Called by request_fuzz_test.cc on mutated requests in every build; a
// libFuzzer binary needs only `return curlew::server::FuzzApiRequest(d, n);`
// in LLVMFuzzerTestOneInput.
//
// Thread safety: one call at a time (the store is built on the first call).
#ifndef CURLEW_SERVER_REQUEST_FUZZ_H_
#define CURLEW_SERVER_REQUEST_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace curlew::server {

// Answers the request; returns its HTTP status and sets *problem when the
// answer is not clean (a status other than 200, 400 or 404, a body that is
// not a JSON object, an error without code and message).
int CheckApiRequest(const uint8_t* data, size_t size, std::string* problem);

// CheckApiRequest that aborts on a problem; returns 0 (libFuzzer's entry).
int FuzzApiRequest(const uint8_t* data, size_t size);

}  // namespace curlew::server

#endif  // CURLEW_SERVER_REQUEST_FUZZ_H_
