#!/usr/bin/env python3
"""The service decides as `frontdoor eval` does whatever the server's time zone and locale: every
Hackney sample contact is posted to servers started with TZ set far east and far west of London
(and a time zone that changes its clocks on other dates), and LC_ALL set, and each answer must be
the bytes eval prints in this process's own environment.

    check_service_deterministic.py --cli build/frontdoor --rules rules/hackney
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reload_fixtures import expected_answers  # noqa: E402
from service_harness import Server, check, finish, parse_args, sample_contacts  # noqa: E402

ENVIRONMENTS = [
    {"TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8"},  # UTC+14: the date there is often a day ahead
    {"TZ": "America/Adak", "LC_ALL": "POSIX"},          # UTC-10/-9, daylight saving on American dates
    {"TZ": "Australia/Lord_Howe"},                      # a half-hour daylight saving shift, southern summer
]


def main():
    args = parse_args()
    contacts = sample_contacts(args.rules)
    # eval in the test's own environment (CI: UTC), one answer a contact.
    answers = expected_answers(args.cli, args.rules, contacts)
    check(sum(not refused for refused, _ in answers) > 0, "some samples are decided")
    for environment in ENVIRONMENTS:
        # Without its zone file, glibc would quietly use UTC and the check would prove nothing.
        zone = os.path.join("/usr/share/zoneinfo", environment["TZ"])
        check(os.path.isfile(zone), f"{zone} exists (Debian's tzdata, in scripts/setup.sh)")
        with Server(args.cli, args.rules, environment=environment) as server:
            differing = []
            for index, contact in enumerate(contacts):
                status, _, body = server.request("POST", "/v1/decisions", contact)
                refused, want = answers[index]
                if status != (422 if refused else 200) or (not refused and body != want):
                    differing.append(index)
            check(not differing, f"{environment}: every answer is eval's; differing samples: {differing[:10]}")
    finish()


if __name__ == "__main__":
    main()
