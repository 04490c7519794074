"""Measures what calling Frontdoor from Python costs over the C++ call, per decision.

    PYTHONPATH=build/bindings/python /usr/bin/python3 benchmarks/bench_python_overhead.py \
        rules/hackney contacts.jsonl [--passes 5]

For every contact that the pack decides, in the same process: the C++ call (Pack::decide from JSON
text, timed inside the extension with the GIL released, no Python in the loop), then
pack.decide_json(text) (str in, str out: the binding's own cost), then pack.decide(dict) (adds
json.dumps and json.loads of the whole decision, explanation included). Each figure is the best of
`--passes` passes over the corpus, in microseconds per decision; the overhead is the difference
from the C++ call. Figures go to docs/performance.md with the command."""
import argparse
import json
import time

import frontdoor


def best_of(passes, run):
    return min(run() for _ in range(passes))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rules")
    parser.add_argument("contacts")
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--no-explain", action="store_true")
    args = parser.parse_args()
    explain = not args.no_explain
    pack = frontdoor.Pack.load(args.rules)
    texts = []
    with open(args.contacts) as f:
        for line in f:
            try:
                pack.decide_json(line, explain)
                texts.append(line)
            except frontdoor.Refused:
                pass
    values = [json.loads(text) for text in texts]
    n = len(texts)

    def cpp():
        return sum(pack._impl.time_cpp_decide(text, explain, 1) for text in texts)

    def raw():
        start = time.perf_counter()
        for text in texts:
            pack.decide_json(text, explain)
        return time.perf_counter() - start

    def dicts():
        start = time.perf_counter()
        for value in values:
            pack.decide(value, explain)
        return time.perf_counter() - start

    cpp_us = best_of(args.passes, cpp) / n * 1e6
    raw_us = best_of(args.passes, raw) / n * 1e6
    dict_us = best_of(args.passes, dicts) / n * 1e6
    print(f"contacts: {n} decided, explain {'on' if explain else 'off'}, best of {args.passes} passes")
    print(f"C++ Pack::decide (text)      {cpp_us:9.2f} us/decision")
    print(f"pack.decide_json (str)       {raw_us:9.2f} us/decision   overhead {raw_us - cpp_us:+7.2f} us")
    print(f"pack.decide (dict)           {dict_us:9.2f} us/decision   overhead {dict_us - cpp_us:+7.2f} us")


if __name__ == "__main__":
    main()
