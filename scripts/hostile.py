#!/usr/bin/env python3
"""Writes hostile inputs for the cases of issue 13 item 5 ("quadratic costs").

    scripts/hostile.py quote N OUT      one measure of 2N characters, a figure quote of N
    scripts/hostile.py warnings N OUT   N problems without titles (N warnings)
    scripts/hostile.py figures N OUT    a report text with one paragraph of N figures
    scripts/hostile.py bigtext N OUT    one measure text of N characters, for the dashboard

Time `zhenggai check OUT`, `zhenggai import OUT`, or open the dashboard on
OUT, at N and 8N: the time should grow about 8-fold, never 64-fold.
"""

import json
import sys


def report(problems):
    return {
        "schema_version": 1,
        "name": "hostile",
        "reports": [
            {
                "id": "r",
                "title": "hostile",
                "issuer": "hostile",
                "published": "2021-12-30",
                "inspection": {"kind": "inspection"},
                "source": {"complete": True},
                "problems": problems,
            }
        ],
    }


def figure(quote):
    return {
        "label": "count",
        "text": "5个",
        "value": "5",
        "unit": "个",
        "normalized": "5",
        "role": "achieved",
        "kind": "count",
        "quote": quote,
    }


def quote(n):
    # A text of one repeated letter and a quote that fails only at its end:
    # the worst case for a search that compares from every start.
    text = "a" * (2 * n)
    measure = {"text": text, "figures": [figure("a" * (n - 2) + "5个")]}
    return report([{"number": "1", "title": "t", "status": "closed", "measures": [measure]}])


def warnings(n):
    return report([{"number": str(i + 1), "status": "closed"} for i in range(n)])


def figures(n):
    # One paragraph of a measure under a problem heading, with n amounts.
    clause = "，追缴资金5万元"
    head = (
        "中共某某委员会关于巡察整改情况的通报\n"
        "一、已完成整改的问题\n"
        "1.关于“资金管理不规范”问题的整改。\n"
        "一是加强资金管理"
    )
    tail = "\n中共某某委员会\n2021年12月30日\n"
    return head + clause * n + "。\n" + tail


def bigtext(n):
    line = "加强资金管理，规范审批流程，追缴资金5万元。"
    text = (line * (n // len(line) + 1))[:n]
    measure = {"text": text, "figures": [figure("追缴资金5万元")]}
    measure["figures"][0].update(
        {"text": "5万元", "value": "5", "unit": "万元", "normalized": "50000", "kind": "recovered"}
    )
    return report([{"number": "1", "title": "t", "status": "closed", "measures": [measure]}])


def main():
    kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    data = {"quote": quote, "warnings": warnings, "figures": figures, "bigtext": bigtext}[kind](n)
    with open(out, "w", encoding="utf-8") as f:
        if isinstance(data, str):
            f.write(data)
        else:
            json.dump(data, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
