#!/usr/bin/env python3
"""Reads `dotnet list package --vulnerable --include-transitive --format json` and prints one line:
"passed: …" when no package has a known vulnerability of high or critical severity, "failed: …" naming
each one that does (exit 1), or "skipped: …" when the vulnerability data could not be read."""
import json, sys

report = json.load(open(sys.argv[1]))
problems = [p.get("text", "") for p in report.get("problems", []) if p.get("level") == "error"]
if problems:
    print("skipped: the vulnerability data could not be read: " + "; ".join(problems)[:300])
    sys.exit(0)
serious, minor = set(), set()
for project in report.get("projects", []):
    for framework in project.get("frameworks", []):
        for package in framework.get("topLevelPackages", []) + framework.get("transitivePackages", []):
            for v in package.get("vulnerabilities", []):
                entry = f"{package['id']} {package.get('resolvedVersion', '')} ({v.get('severity')}, {v.get('advisoryurl', '')})"
                (serious if v.get("severity", "").lower() in ("high", "critical") else minor).add(entry)
if serious:
    print("failed: known high or critical vulnerabilities: " + "; ".join(sorted(serious)))
    sys.exit(1)
note = f" ({len(minor)} of lower severity: {'; '.join(sorted(minor))})" if minor else ""
print(f"passed: no package has a known high or critical vulnerability{note}")
