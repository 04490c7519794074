#!/usr/bin/python3
"""Summarises the timing rounds of compare_with_frontdoor.sh: per-decision figures and ratios.

    summarise_comparison.py --dir OUT --rounds R --contacts FILE

Reads OUT/round<r>.frontdoor.txt (bench_decide), OUT/round<r>.<zen|jre>.txt (run_peer.js) and
OUT/round<r>.eval-<explain|no-explain>.txt (/usr/bin/time -f "%e %U %S %M" of frontdoor eval).
Prints every round's figures, then the median across rounds and the ratio Frontdoor / peer (below 1:
Frontdoor takes less time; 0.1 is ten times faster) for three comparisons:

* engine: a contact already read and validated. Frontdoor: Pack::decide (level of need, consent,
  outcome, clock start, re-referral window and episode, deadlines, flags, warnings, the decision
  JSON). Peer: the engine call alone on facts the JavaScript facts step prepared (clock start,
  window and episode already worked out), level of need, consent and outcome only.
* from parsed JSON: Frontdoor read + decide (strict JSON parse, validation, decide). Peer: facts step
  (validation, defaults, calendar) + engine. The peer's JSON.parse is left out of the per-decision
  figures (run_peer.js times it apart), so the mean with JSON.parse is given too.
* same logic: as "engine", but Frontdoor decides with the Hackney pack's output cut to what the
  peers give (OUT/round<r>.frontdoor-same-logic.txt): contact id, level of need and outcome, with
  the clock start, re-referral window and episode and consent still worked out by Frontdoor.
* process: wall time of `frontdoor eval --jsonl FILE > /dev/null` (process start, pack load, output)
  against run_peer.js's own wall time for one pass (after node and the model have loaded; output
  written on the first pass only).
"""
import argparse
import re
import statistics
import sys

US = r"([0-9.]+) us"


def frontdoor_figures(path):
    text = open(path, encoding="utf-8").read()
    out = {}
    for key, label in (("decide", "decide, no explain"), ("decide_x", "decide, with explain"),
                       ("text", "read + decide, no explain"), ("text_x", "read + decide, with explain")):
        m = re.search(re.escape(label) + r"\s+median\s+" + US + r"\s+p99\s+" + US + r"\s+mean\s+" + US, text)
        out[key] = {"median": float(m.group(1)), "p99": float(m.group(2)), "mean": float(m.group(3))}
    out["load"] = re.search(r"load average ([0-9.]+) at start, ([0-9.]+) at end", text).group(0)
    return out


def peer_figures(path):
    text = open(path, encoding="utf-8").read()
    head = re.search(r"(\d+) pass\(es\): (\d+) decided, (\d+) refused", text)
    passes, decided, refused = (int(g) for g in head.groups())
    wall = re.search(r"wall ([0-9.]+) s = read ([0-9.]+) s \+ JSON.parse ([0-9.]+) s \+ facts step ([0-9.]+) s"
                     r" \+ engine ([0-9.]+) s", text)
    total, _, parse, facts, engine = (float(g) for g in wall.groups())
    out = {}
    for key, label in (("text", r"per decision \(facts step \+ engine\):"), ("engine", r"per decision \(engine only\):")):
        m = re.search(label + r"\s+mean " + US + r", median " + US + r", p99 " + US, text)
        out[key] = {"mean": float(m.group(1)), "median": float(m.group(2)), "p99": float(m.group(3))}
    out["text_with_parse_mean"] = (parse + facts + engine) / (decided + refused) * 1e6
    out["wall_per_contact"] = total / passes / (decided + refused) * 1e6
    out["load"] = re.search(r"load average \(1 min\) at start ([0-9.]+), at end ([0-9.]+)", text).group(0)
    return out


def eval_figures(path, lines):
    last = open(path, encoding="utf-8").read().strip().splitlines()[-1].split()
    wall, user, system, rss = float(last[0]), float(last[1]), float(last[2]), int(last[3])
    return {"wall_per_contact": wall / lines * 1e6, "cpu_per_contact": (user + system) / lines * 1e6, "rss_mb": rss / 1024}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", required=True)
    ap.add_argument("--rounds", type=int, required=True)
    ap.add_argument("--contacts", required=True)
    args = ap.parse_args()
    lines = sum(1 for line in open(args.contacts, encoding="utf-8") if line.strip())
    rounds = []
    for r in range(1, args.rounds + 1):
        d = args.dir
        rounds.append({"fd": frontdoor_figures(f"{d}/round{r}.frontdoor.txt"),
                       "same": frontdoor_figures(f"{d}/round{r}.frontdoor-same-logic.txt"),
                       "zen": peer_figures(f"{d}/round{r}.zen.txt"), "jre": peer_figures(f"{d}/round{r}.jre.txt"),
                       "eval": eval_figures(f"{d}/round{r}.eval-no-explain.txt", lines),
                       "eval_x": eval_figures(f"{d}/round{r}.eval-explain.txt", lines)})
    for r, x in enumerate(rounds, 1):
        fd = x["fd"]
        print(f"round {r}: Frontdoor decide median {fd['decide']['median']:.2f} us (explained {fd['decide_x']['median']:.2f}),"
              f" read+decide {fd['text']['median']:.2f} ({fd['text_x']['median']:.2f}); zen engine median"
              f" {x['zen']['engine']['median']:.2f}, jre {x['jre']['engine']['median']:.2f};"
              f" eval wall {x['eval']['wall_per_contact']:.2f} / {x['eval_x']['wall_per_contact']:.2f} us per contact;"
              f" [frontdoor {fd['load']}; zen {x['zen']['load']}; jre {x['jre']['load']}]")

    def med(get):
        return statistics.median(get(x) for x in rounds)

    def spread(get):
        values = [get(x) for x in rounds]
        return f"{min(values):.2f}-{max(values):.2f}"

    print("\nMedian across rounds (range across rounds), microseconds per decision; ratio = Frontdoor / peer\n")
    print("| comparison | statistic | Frontdoor, no explanation | Frontdoor, with explanation | zen-engine | json-rules-engine "
          "| ratio vs zen: no expl. / expl. | ratio vs jre: no expl. / expl. |")
    print("|---|---|---|---|---|---|---|---|")
    comparisons = [("engine (contact already read)", "fd", "decide", "decide_x", "engine"),
                   ("engine, same logic as the peers (level of need and outcome)", "same", "decide", "decide_x", "engine"),
                   ("from parsed JSON (peer: facts step + engine)", "fd", "text", "text_x", "text")]
    for name, side, fd_plain, fd_explained, peer_key in comparisons:
        for stat in ("median", "mean", "p99"):
            plain = lambda x, k=fd_plain, s=stat, f=side: x[f][k][s]
            explained = lambda x, k=fd_explained, s=stat, f=side: x[f][k][s]
            zen = lambda x, k=peer_key, s=stat: x["zen"][k][s]
            jre = lambda x, k=peer_key, s=stat: x["jre"][k][s]
            print(f"| {name} | {stat} | {med(plain):.2f} ({spread(plain)}) | {med(explained):.2f} ({spread(explained)}) "
                  f"| {med(zen):.2f} ({spread(zen)}) | {med(jre):.2f} ({spread(jre)}) "
                  f"| {med(plain) / med(zen):.3f} / {med(explained) / med(zen):.3f} "
                  f"| {med(plain) / med(jre):.4f} / {med(explained) / med(jre):.4f} |")
    fd_p, fd_x = (lambda x: x["fd"]["text"]["mean"]), (lambda x: x["fd"]["text_x"]["mean"])
    zen_p, jre_p = (lambda x: x["zen"]["text_with_parse_mean"]), (lambda x: x["jre"]["text_with_parse_mean"])
    print(f"| from JSON text (peer: JSON.parse + facts step + engine) | mean | {med(fd_p):.2f} | {med(fd_x):.2f} "
          f"| {med(zen_p):.2f} ({spread(zen_p)}) | {med(jre_p):.2f} ({spread(jre_p)}) "
          f"| {med(fd_p) / med(zen_p):.3f} / {med(fd_x) / med(zen_p):.3f} "
          f"| {med(fd_p) / med(jre_p):.4f} / {med(fd_x) / med(jre_p):.4f} |")
    ev, evx = (lambda x: x["eval"]["wall_per_contact"]), (lambda x: x["eval_x"]["wall_per_contact"])
    zw, jw = (lambda x: x["zen"]["wall_per_contact"]), (lambda x: x["jre"]["wall_per_contact"])
    print(f"| process: eval --jsonl vs run_peer.js wall per contact | mean | {med(ev):.2f} ({spread(ev)}) "
          f"| {med(evx):.2f} ({spread(evx)}) | {med(zw):.2f} ({spread(zw)}) | {med(jw):.2f} ({spread(jw)}) "
          f"| {med(ev) / med(zw):.3f} / {med(evx) / med(zw):.3f} | {med(ev) / med(jw):.4f} / {med(evx) / med(jw):.4f} |")
    rss = lambda x: x["eval"]["rss_mb"]
    rss_x = lambda x: x["eval_x"]["rss_mb"]
    print(f"\neval --jsonl peak RSS: {med(rss):.1f} MiB without explanation, {med(rss_x):.1f} MiB with it")
    print(f"speed-up (peer / Frontdoor), engine medians: zen {med(lambda x: x['zen']['engine']['median']) / med(lambda x: x['fd']['decide']['median']):.1f}x "
          f"({med(lambda x: x['zen']['engine']['median']) / med(lambda x: x['fd']['decide_x']['median']):.1f}x with explanation), "
          f"jre {med(lambda x: x['jre']['engine']['median']) / med(lambda x: x['fd']['decide']['median']):.1f}x "
          f"({med(lambda x: x['jre']['engine']['median']) / med(lambda x: x['fd']['decide_x']['median']):.1f}x with explanation)")
    print(f"speed-up on the same logic (peer / Frontdoor with the peers' outputs only), engine medians: "
          f"zen {med(lambda x: x['zen']['engine']['median']) / med(lambda x: x['same']['decide']['median']):.1f}x "
          f"({med(lambda x: x['zen']['engine']['median']) / med(lambda x: x['same']['decide_x']['median']):.1f}x with explanation), "
          f"jre {med(lambda x: x['jre']['engine']['median']) / med(lambda x: x['same']['decide']['median']):.1f}x "
          f"({med(lambda x: x['jre']['engine']['median']) / med(lambda x: x['same']['decide_x']['median']):.1f}x with explanation)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
