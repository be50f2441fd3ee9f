#include "parallel/ordered_processor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

namespace curlew::parallel {
namespace {

struct Item {
  int n = -1;
  int square = 0;
};

// A source of `count` numbers.
OrderedProcessor<Item>::Source Numbers(int count) {
  auto next = std::make_shared<int>(0);
  return [next, count](Item* out) {
    if (*next >= count) return false;
    out->n = (*next)++;
    return true;
  };
}

// Squares, with uneven delays so that workers finish out of order.
void SlowSquare(Item& item) {
  std::mt19937 rng(static_cast<unsigned>(item.n));
  std::this_thread::sleep_for(std::chrono::microseconds(rng() % 400));
  item.square = item.n * item.n;
}

std::vector<Item> Drain(OrderedProcessor<Item>& p) {
  std::vector<Item> out;
  Item item;
  while (p.Next(&item)) out.push_back(item);
  return out;
}

TEST(OrderedProcessorTest, KeepsInputOrderWithManyWorkers) {
  for (int jobs : {1, 2, 4, 8}) {
    ProcessorOptions o;
    o.jobs = jobs;
    o.max_in_flight = 5;
    OrderedProcessor<Item> p(Numbers(500), SlowSquare, o);
    EXPECT_EQ(p.jobs(), jobs);
    std::vector<Item> out = Drain(p);
    ASSERT_EQ(out.size(), 500u) << jobs;
    for (int i = 0; i < 500; ++i) {
      EXPECT_EQ(out[i].n, i) << jobs;
      EXPECT_EQ(out[i].square, i * i) << jobs;
    }
  }
}

TEST(OrderedProcessorTest, EmptyInput) {
  for (int jobs : {1, 3}) {
    ProcessorOptions o;
    o.jobs = jobs;
    OrderedProcessor<Item> p(Numbers(0), SlowSquare, o);
    EXPECT_TRUE(Drain(p).empty());
  }
}

TEST(OrderedProcessorTest, NeverHoldsMoreThanTheLimit) {
  std::atomic<int> read{0};
  std::atomic<int> consumed{0};
  std::atomic<int> worst{0};
  auto inner = Numbers(300);
  auto source = [&](Item* out) {
    const int ahead = read - consumed;
    if (ahead > worst) worst = ahead;
    if (!inner(out)) return false;
    ++read;
    return true;
  };
  ProcessorOptions o;
  o.jobs = 3;
  o.max_in_flight = 7;
  OrderedProcessor<Item> p(source, SlowSquare, o);
  Item item;
  while (p.Next(&item)) {
    ++consumed;
    // A slow consumer: the reader must wait rather than pile up items.
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  EXPECT_EQ(consumed.load(), 300);
  EXPECT_LE(worst.load(), 7);
}

TEST(OrderedProcessorTest, StopsEarlyWhenDestroyed) {
  std::atomic<int> read{0};
  {
    ProcessorOptions o;
    o.jobs = 2;
    o.max_in_flight = 4;
    auto inner = Numbers(1000000);
    OrderedProcessor<Item> p(
        [&](Item* out) {
          ++read;
          return inner(out);
        },
        SlowSquare, o);
    Item item;
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(p.Next(&item));
    EXPECT_EQ(item.n, 9);
  }
  EXPECT_LT(read.load(), 100);
}

TEST(OrderedProcessorTest, SourceErrorComesAfterTheItemsBeforeIt) {
  for (int jobs : {1, 2}) {
    ProcessorOptions o;
    o.jobs = jobs;
    auto inner = Numbers(100);
    OrderedProcessor<Item> p(
        [&](Item* out) {
          if (!inner(out)) return false;
          if (out->n == 20) throw std::runtime_error("bad input");
          return true;
        },
        SlowSquare, o);
    Item item;
    int got = 0;
    try {
      while (p.Next(&item)) ++got;
      ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "bad input");
    }
    EXPECT_EQ(got, 20) << jobs;
  }
}

TEST(OrderedProcessorTest, WorkErrorEndsTheRun) {
  ProcessorOptions o;
  o.jobs = 2;
  OrderedProcessor<Item> p(
      Numbers(1000),
      [](Item& item) {
        if (item.n == 50) throw std::runtime_error("bug");
        item.square = item.n * item.n;
      },
      o);
  Item item;
  int got = 0;
  EXPECT_THROW(
      {
        while (p.Next(&item)) ++got;
      },
      std::runtime_error);
  EXPECT_LE(got, 50);
  EXPECT_FALSE(p.Next(&item));
}

}  // namespace
}  // namespace curlew::parallel
