// PYBIND11_MODULE(_curlew): the compiled half of the `curlew` package.
#include "module.h"

PYBIND11_MODULE(_curlew, m) {
  m.doc() =
      "curlew's engine and store (the compiled part of the curlew "
      "package; import curlew instead).";
  curlew::python::register_errors(m);
  curlew::python::register_engine(m);
  curlew::python::register_store(m);
}
