import time

from django.core.management.base import BaseCommand, CommandError

from demo.benchdata import BenchDataExists, generate_bench_data


class Command(BaseCommand):
    help = "Build a synthetic organisation with N risks for benchmarks (bulk inserts)."

    def add_arguments(self, parser):
        parser.add_argument("--risks", type=int, required=True, help="How many risks to create.")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (repeatable).")
        parser.add_argument(
            "--replace", action="store_true", help="Delete an existing benchmark organisation."
        )

    def handle(self, *args, risks, seed, replace, **options):
        if risks < 1:
            raise CommandError("--risks must be at least 1.")
        started = time.perf_counter()
        try:
            counts = generate_bench_data(risks=risks, seed=seed, replace=replace)
        except BenchDataExists as exists:
            raise CommandError(str(exists)) from exists
        made = ", ".join(f"{n} {what}" for what, n in counts.items())
        self.stdout.write(
            self.style.SUCCESS(f"Created {made} in {time.perf_counter() - started:.1f} s.")
        )
