"""A synthetic conference of any size, for benchmarks and scale tests.

``confsite synth --papers N --out DIR`` writes a data folder shaped like a large ML conference:
authors reused with a heavy-tailed skew (a few people on dozens of papers, most on one),
affiliations, ~150-word abstracts with math and accented words, paper sessions of ~8 papers in
up to 10 parallel rooms over 5 days, a keynote each morning, a program committee of N/10 split
by area, and a proceedings.bib whose entries agree with papers.yaml. The same N and seed give
the same bytes: all randomness comes from one seeded ``random.Random``, nothing reads the clock.
"""

from __future__ import annotations

import itertools
import json
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from generator.names import slugify

DAYS = 5
ROOMS = 10
PAPERS_PER_SESSION = 8
START = date(2031, 12, 8)
TIMEZONE = "America/Vancouver"
DAY_START = 10 * 60  # minutes after midnight: paper sessions run 10:00-20:00 after the keynote
DAY_END = 20 * 60
MAX_SESSION = 90


def _words(text: str, separator: str | None = None) -> tuple[str, ...]:
    """Word lists written as one string: easier to read and extend than a column of quotes."""
    return tuple(text.split(separator))


FIRST_NAMES = _words(
    "Maya Kai Jonas Wen-Hao Haruto Hana Łukasz Julia Isabella Marco Emily Rahul Amelia Samuel "
    "David Felipe Xinyi Aisha Daniel Hiroshi Laura Rafael Chen Ingrid Priya Marcus Yuki Olivia "
    "José María Zoë Søren Ana Chloé François Björn Małgorzata Siobhán Nikolaj Aurélie Dmitri "
    "Mei Sofía Tomás Ines Kwame Nadia Omar Leila Arjun Ravi Ioana Tiago Élodie Matteo Giulia "
    "Noah Liam Emma Ava Lucas Mateo Valentina Camila Jiho Minjun Seo-yeon Thanh Linh Bao Farah "
    "Yusuf Elif Emre Zeynep Katarzyna Piotr Eva Jakub Tereza Ondřej Lena Felix Paula Hugo Léa "
    "Nils Astrid Maja Erik Annika Pedro Beatriz Rui Carmen Javier Andrés Lucía"
)
LAST_NAMES = _words(
    "Chen Tanaka Müller Liu Ishikawa Kobayashi Wróbel Kowalska Rossi Bianchi Carter Verma Ward "
    "Reyes Leung Navarro Wu Rahman Kowalczyk Matsuda Bennett Domínguez Wei Halvorsen "
    "Raghunathan Lindgren Sato Chambers García Fernández Dvořák Nguyễn Øvergaard Brontë "
    "Schäfer Žukauskas Çelik Ødegård Sánchez Gómez Pérez Martín Jiménez Ruiz Álvarez Moreno "
    "Kim Park Lee Choi Jung Kang Cho Yoon Jang Lim Tran Pham Hoang Phan Vu Dang Bui Do Ho "
    "Ngo Duong Ly Okafor Adeyemi Mensah Owusu Diallo Haddad Khalil Nasser Aziz Kaur Singh "
    "Patel Sharma Gupta Iyer Menon Nair Rao Popescu Ionescu Silva Santos Oliveira Costa "
    "Ferreira Almeida Novak Horvat Kovač Petrović Jovanović Nowak Wiśniewski Lewandowski "
    "Schmidt Schneider Fischer Weber Becker Hoffmann Koch Richter Wolf Larsen Hansen Nielsen "
    "Johansson Andersson Virtanen Korhonen Murphy O'Brien Kelly Walsh Dubois Lefèvre Moreau "
    "Laurent Girard Bonnet Ricci Greco Conti Esposito Romano Colombo"
)
INSTITUTION_STEMS = _words(
    "Northhaven Lakeside Falkenau Eastmoor Riverbend Pinecrest Valdecielo Nordvik Tidewater "
    "Kitsune Meridian Saffron Cobalt Ember Harborlight Varenna Aldermoor Brightwater Crestfield "
    "Duskhollow Evergreen Fernvale Glenmore Highcliff Ironbridge Juniper Kestrel Larkspur "
    "Millbrook Oakridge Quillon Rosewood Silverlake Thornbury Umberfield Westbrook Yarrow "
    "Zephyrine Sankt-Ägidius Montréal-Nord Göttingen-Süd Łódź-Zachód"
)
INSTITUTION_FORMS = (
    "University of {}",
    "{} Institute of Technology",
    "Technische Universität {}",
    "École Polytechnique de {}",
    "Universidad de {}",
    "{} Research",
    "{} Systems Lab",
    "{} AI",
)

# Areas of the synthetic program committee and topics of conference.yaml: (id, name, area).
TOPICS = (
    ("hardware", "Hardware systems for ML", "systems"),
    ("compilers", "Compilers and code generation", "systems"),
    ("distributed", "Distributed training", "systems"),
    ("serving", "Inference and serving", "systems"),
    ("data", "Data systems for ML", "systems"),
    ("optimization", "Optimization", "ml"),
    ("theory", "Learning theory", "ml"),
    ("generative", "Generative models", "ml"),
    ("rl", "Reinforcement learning", "ml"),
    ("fairness", "Fairness, privacy and robustness", "ml"),
)

SYSTEM_NAMES = _words(
    "Tessera FuseBox Zephyr Aurora Basalt Cinder Drift Ember Fathom Gantry Halcyon Ion Jetty "
    "Kestrel Lumen Mistral Nimbus Onyx Prism Quasar Ripple Sable Tundra Umbra Vortex Wisp "
    "Xylem Yarrow Zenith Atlas Borealis Cascade Delta Eddy Flux Granite Helix"
)
TITLE_PATTERNS = (
    "{name}: {adj} {noun} for {target}",
    "{adj} {noun} with {technique}",
    "Towards {adj} {noun} at Scale",
    "{name}: {technique} for {target}",
    "On the {quality} of {noun} under {condition}",
    "{adj} {noun} in $O({complexity})$ Time",
    "Provably {adj} {noun} via {technique}",
    "{name}: Rethinking {noun} for {target}",
)
ADJECTIVES = _words(
    "Efficient Scalable Robust Adaptive Sparse Private Fault-Tolerant Energy-Aware Low-Rank "
    "Communication-Efficient Memory-Efficient Asynchronous Elastic Certified Calibrated"
)
NOUNS = _words(
    "Training|Inference|Attention Kernels|Operator Fusion|Pipeline Parallelism|Quantization|"
    "Gradient Compression|Mixture-of-Experts Routing|Checkpointing|Data Loading|Scheduling|"
    "Federated Learning|Diffusion Sampling|Policy Optimization|Hyperparameter Search|"
    "Embedding Tables|Graph Neural Networks|Speculative Decoding|KV-Cache Management",
    "|",
)
TARGETS = _words(
    "Large Language Models|Edge Devices|Preemptible Clusters|Recommendation Models|"
    "Heterogeneous Accelerators|Multi-Tenant GPUs|Serverless Platforms|Mobile Phones|"
    "Scientific Workloads|Long Contexts",
    "|",
)
TECHNIQUES = _words(
    "Equality Saturation|Learned Cost Models|Randomized Sketches|Optimal Transport|"
    "Lyapunov Drift|Mirror Descent|Polyhedral Tiling|Bilevel Optimization|Contrastive Signals|"
    "Kernel Regression",
    "|",
)
QUALITIES = _words("Stability Convergence Generalization Robustness Calibration Complexity")
CONDITIONS = _words(
    "Heavy-Tailed Noise|Distribution Shift|Partial Participation|Stragglers|Label Noise|"
    "Limited Memory",
    "|",
)
COMPLEXITIES = (r"n \log n", r"n^2", r"\sqrt{n}", r"k \cdot n", r"\log^2 n")

# Abstract sentences; {math} becomes an inline formula, {sys} the paper's system name.
SENTENCES = (
    "Modern {noun} pipelines spend most of their time waiting on memory rather than compute.",
    "We present {sys}, a system that treats {noun} as a joint search over layout and placement.",
    "Existing approaches rely on hand-tuned heuristics that break down as models grow.",
    "Our key insight is that the cost of each step can be bounded by {math}.",
    "This gives a naïve baseline a surprising rôle as a lower bound, à la classical analysis.",
    "We prove that the resulting procedure converges at rate {math} under mild assumptions.",
    "On a cluster of 512 accelerators, {sys} improves throughput by {math} over the best tuner.",
    "It also reduces peak memory by 38% while keeping accuracy within 0.1 points.",
    "We evaluate on twelve workloads drawn from vision, language and recommendation.",
    "A lightweight run-time component adapts decisions as the workload changes.",
    "Our analysis explains why prior methods plateau once the batch exceeds {math}.",
    "The approach needs no changes to user code and composes with existing frameworks.",
    "We further show that a déjà-vu cache of past decisions removes most of the search cost.",
    "Ablations attribute the gains to the scheduler rather than to the cost model.",
    "Finally, we discuss limitations and release an open-source implementation.",
    "The method is robust to stragglers, preemptions and the occasional faulty device.",
)
FORMULAS = (
    r"$1.7\times$",
    r"$O(\sqrt{T})$",
    r"$\mathcal{O}(n \log n)$",
    r"$10^{6}$",
    r"$\epsilon = 10^{-3}$",
    r"$\|x - y\|_2 \le \delta$",
    r"$\tilde{O}(d/\epsilon^2)$",
    r"$2^{k}$",
)
AWARDS = ("Best paper", "Outstanding paper", "Best student paper")

# LaTeX forms of the accented letters above, so the .bib reads like one organizers send.
_LATEX = {
    "á": r"{\'a}",
    "é": r"{\'e}",
    "í": r"{\'i}",
    "ó": r"{\'o}",
    "ú": r"{\'u}",
    "Á": r"{\'A}",
    "É": r"{\'E}",
    "ä": r"{\"a}",
    "ö": r"{\"o}",
    "ü": r"{\"u}",
    "ë": r"{\"e}",
    "Ä": r"{\"A}",
    "è": r"{\`e}",
    "ç": r"{\c{c}}",
    "Ç": r"{\c{C}}",
    "ñ": r"{\~n}",
    "ł": r"{\l}",
    "Ł": r"{\L}",
    "ø": r"{\o}",
    "Ø": r"{\O}",
    "ř": r"{\v{r}}",
    "ž": r"{\v{z}}",
    "Ž": r"{\v{Z}}",
    "č": r"{\v{c}}",
    "ś": r"{\'s}",
    "ź": r"{\'z}",
}
_LATEX_TABLE = str.maketrans(_LATEX)


def to_latex(text: str) -> str:
    """Accented letters as LaTeX commands where we know one; others stay UTF-8 (biblatex)."""
    return text.translate(_LATEX_TABLE)


@dataclass(frozen=True)
class Person:
    name: str
    first: str
    last: str
    affiliation: str
    orcid: str = ""


@dataclass(frozen=True)
class SynthPaper:
    id: str
    title: str
    authors: tuple[Person, ...]
    abstract: str
    topics: tuple[str, ...]
    session: str
    award: str
    pages: str


@dataclass(frozen=True)
class SynthSession:
    id: str
    title: str
    day: date
    start: int
    end: int
    room: str


def orcid_with_checksum(digits15: str) -> str:
    """A well-formed ORCID iD (ISO 7064 MOD 11-2 check digit) from 15 digits."""
    total = 0
    for char in digits15:
        total = (total + int(char)) * 2
    check = (12 - total % 11) % 11
    full = digits15 + ("X" if check == 10 else str(check))
    return "-".join(full[i : i + 4] for i in range(0, 16, 4))


def _people(rng: random.Random, count: int, affiliations: list[str]) -> list[Person]:
    """``count`` distinct people (distinct slugs: one author page each)."""
    people: list[Person] = []
    seen: set[str] = set()
    initials = [""] + [f" {chr(c)}." for c in range(ord("A"), ord("Z") + 1)]
    while len(people) < count:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        full = f"{first}{rng.choice(initials)} {last}"
        slug = slugify(full)
        if slug in seen:
            continue
        seen.add(slug)
        orcid = (
            orcid_with_checksum(f"0000000{rng.randrange(10**8):08d}") if rng.random() < 0.2 else ""
        )
        people.append(Person(full, full.rsplit(" ", 1)[0], last, rng.choice(affiliations), orcid))
    return people


def _affiliations() -> list[str]:
    return [form.format(stem) for stem in INSTITUTION_STEMS for form in INSTITUTION_FORMS]


def _title(rng: random.Random, name: str) -> str:
    return rng.choice(TITLE_PATTERNS).format(
        name=name,
        adj=rng.choice(ADJECTIVES),
        noun=rng.choice(NOUNS),
        target=rng.choice(TARGETS),
        technique=rng.choice(TECHNIQUES),
        quality=rng.choice(QUALITIES),
        condition=rng.choice(CONDITIONS),
        complexity=rng.choice(COMPLEXITIES),
    )


def _abstract(rng: random.Random, name: str) -> str:
    """About 150 words: sentences drawn without repetition until the length is reached."""
    words, sentences = 0, []
    for sentence in rng.sample(SENTENCES, len(SENTENCES)):
        text = sentence.format(noun=rng.choice(NOUNS).lower(), sys=name, math=rng.choice(FORMULAS))
        sentences.append(text)
        words += len(text.split())
        if words >= 150:
            break
    return " ".join(sentences)


def _schedule(paper_count: int) -> list[SynthSession]:
    """Paper sessions of ~8 papers spread over 5 days and up to 10 rooms.

    With many papers the day holds more, shorter slots (a 10,000-paper conference has 25 slots
    of 24 minutes a day); that keeps every session at ~8 papers as the benchmark wants.
    """
    count = max(1, math.ceil(paper_count / PAPERS_PER_SESSION))
    rooms = min(ROOMS, math.ceil(count / DAYS))
    slots = math.ceil(count / (DAYS * rooms))
    length = min(MAX_SESSION, (DAY_END - DAY_START) // slots - 5)
    sessions: list[SynthSession] = []
    cells = itertools.product(range(DAYS), range(slots), range(rooms))
    for number, (day, slot, room) in enumerate(itertools.islice(cells, count), start=1):
        start = DAY_START + slot * (length + 5)
        sessions.append(
            SynthSession(
                id=f"s{number:04d}",
                title="",
                day=START + timedelta(days=day),
                start=start,
                end=start + length,
                room=f"Room {room + 1}",
            )
        )
    return sessions


def generate(
    paper_count: int, seed: int = 0, tick: Callable[[], None] | None = None
) -> dict[str, str]:
    """The data folder's files (name -> text) of a synthetic conference; ``tick`` per paper."""
    rng = random.Random(seed)
    affiliations = _affiliations()
    # ~1.6 distinct authors per paper with a Zipf-like skew: prolific authors on many papers.
    people = _people(rng, max(8, int(paper_count * 1.6)), affiliations)
    weights = list(itertools.accumulate(1 / (rank + 1) ** 0.9 for rank in range(len(people))))
    sessions = _schedule(paper_count)
    papers: list[SynthPaper] = []
    page = 1
    for number in range(1, paper_count + 1):
        name = f"{rng.choice(SYSTEM_NAMES)}-{number}"
        author_count = min(len(people), rng.choice((1, 2, 3, 3, 4, 4, 4, 5, 5, 6, 7, 9)))
        chosen: dict[str, Person] = {}
        while len(chosen) < author_count:
            person = rng.choices(people, cum_weights=weights)[0]
            chosen.setdefault(person.name, person)
        first_topic = rng.randrange(len(TOPICS))
        topics = [TOPICS[first_topic][0]]
        if rng.random() < 0.3:
            topics.append(TOPICS[(first_topic + 1) % len(TOPICS)][0])
        length = rng.randint(8, 14)
        papers.append(
            SynthPaper(
                id=f"p{number:05d}",
                title=_title(rng, name),
                authors=tuple(chosen.values()),
                abstract=_abstract(rng, name),
                topics=tuple(topics),
                session=sessions[(number - 1) // PAPERS_PER_SESSION].id,
                award=rng.choice(AWARDS) if rng.random() < 0.005 else "",
                pages=f"{page}--{page + length - 1}",
            )
        )
        page += length
        if tick:
            tick()
    session_titles = _session_titles(papers)
    sessions = [
        SynthSession(s.id, session_titles.get(s.id, "Papers"), s.day, s.start, s.end, s.room)
        for s in sessions
    ]
    committee_pool = _people(rng, max(2, paper_count // 10), affiliations)
    return {
        "conference.yaml": _conference_yaml(paper_count),
        "papers.yaml": _papers_yaml(papers),
        "program.yaml": _program_yaml(sessions),
        "speakers.yaml": _speakers_yaml(rng, affiliations),
        "committee.yaml": _committee_yaml(rng, committee_pool),
        "sponsors.yaml": _sponsors_yaml(),
        "proceedings.bib": _bibtex(papers),
    }


def _session_titles(papers: list[SynthPaper]) -> dict[str, str]:
    """A session is named after the topic most of its papers share."""
    names = {topic_id: name for topic_id, name, _area in TOPICS}
    by_session: dict[str, list[str]] = {}
    for paper in papers:
        by_session.setdefault(paper.session, []).append(paper.topics[0])
    titles = {}
    for session_id, topics in by_session.items():
        common = max(sorted(set(topics)), key=topics.count)
        titles[session_id] = f"{names[common]} {int(session_id[1:])}"
    return titles


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML; json.dumps escapes what it must)."""
    return json.dumps(text, ensure_ascii=False)


def _wrap(text: str, width: int = 88) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


def _hhmm(minutes: int) -> str:
    return f'"{minutes // 60:02d}:{minutes % 60:02d}"'


HEADER = "# Synthetic conference written by `confsite synth`; every name in it is invented.\n"


def _conference_yaml(paper_count: int) -> str:
    end = START + timedelta(days=DAYS - 1)
    topics = "".join(
        f"  - id: {topic_id}\n    name: {_q(name)}\n"
        f"    description: {_q(f'Research on {name.lower()}.')}\n"
        for topic_id, name, _area in TOPICS
    )
    return (
        HEADER + "name: SynthConf\nyear: 2031\n"
        f"title: {_q(f'SynthConf 2031: a synthetic conference of {paper_count} papers')}\n"
        "fictional: true\n"
        'description: "A synthetic conference generated for benchmarks and scale tests."\n'
        f"timezone: {TIMEZONE}\nstart: {START.isoformat()}\nend: {end.isoformat()}\n"
        "venue:\n  name: Synthetic Convention Centre\n  city: Port Alder\n  country: Canada\n"
        "url: https://synth.example.org/2031/\ncontact: chairs@synth.example.org\n"
        f"topics:\n{topics}"
        "important_dates:\n"
        '  - name: Full paper submission\n    date: "2031-05-15 23:59"\n    timezone: AoE\n'
        '  - name: Author notification\n    date: "2031-09-20 23:59"\n    timezone: AoE\n'
    )


def _papers_yaml(papers: list[SynthPaper]) -> str:
    out = [HEADER, "papers:\n"]
    for paper in papers:
        out.append(f"  - id: {paper.id}\n    title: {_q(paper.title)}\n    authors:\n")
        for author in paper.authors:
            out.append(
                f"      - name: {_q(author.name)}\n        affiliation: {_q(author.affiliation)}\n"
            )
            if author.orcid:
                out.append(f"        orcid: {author.orcid}\n")
        out.append("    abstract: |\n")
        out.extend(f"      {line}\n" for line in _wrap(paper.abstract))
        out.append(f"    topics: [{', '.join(paper.topics)}]\n    session: {paper.session}\n")
        if paper.award:
            out.append(f"    award: {_q(paper.award)}\n")
        out.append(f'    pages: "{paper.pages}"\n')
        out.append(f"    links:\n      pdf: https://synth.example.org/2031/papers/{paper.id}.pdf\n")
    return "".join(out)


def _program_yaml(sessions: list[SynthSession]) -> str:
    out = [HEADER, f"# All times are local to {TIMEZONE}.\ndays:\n"]
    for day_number, day in enumerate(sorted({s.day for s in sessions}), start=1):
        out.append(f"  - date: {day.isoformat()}\n    sessions:\n")
        out.append(
            f"      - id: keynote-{day_number}\n"
            f"        title: {_q(f'Keynote {day_number}')}\n        kind: keynote\n"
            f'        start: "09:00"\n        end: "09:55"\n        room: Main Hall\n'
            f"        speaker: keynote-speaker-{day_number}\n"
        )
        out.append(
            f"      - id: lunch-{day_number}\n        title: Lunch\n        kind: break\n"
            f'        start: "12:30"\n        end: "13:30"\n        room: Foyer\n'
        )
        for s in sessions:
            if s.day == day:
                out.append(
                    f"      - id: {s.id}\n        title: {_q(s.title)}\n        kind: papers\n"
                    f"        start: {_hhmm(s.start)}\n        end: {_hhmm(s.end)}\n"
                    f"        room: {s.room}\n"
                )
    return "".join(out)


def _speakers_yaml(rng: random.Random, affiliations: list[str]) -> str:
    out = [HEADER, "speakers:\n"]
    for number in range(1, DAYS + 1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        out.append(
            f"  - id: keynote-speaker-{number}\n    name: {_q(f'{first} {last}')}\n"
            f"    affiliation: {_q(rng.choice(affiliations))}\n"
            f"    talk_title: {_q(_title(rng, rng.choice(SYSTEM_NAMES)))}\n"
            f"    abstract: {_q(_abstract(rng, 'this talk'))}\n"
            f"    bio: {_q(f'{first} {last} leads a (synthetic) research group.')}\n"
        )
    return "".join(out)


def _committee_yaml(rng: random.Random, members: list[Person]) -> str:
    areas = [area for _id, _name, area in TOPICS]
    out = [
        HEADER,
        "organizing:\n  - role: General chair\n    name: Ada Synthetic\n"
        "    affiliation: University of Northhaven\n"
        "  - role: Program chair\n    name: Alan Synthetic\n"
        "    affiliation: Lakeside Institute of Technology\n",
        "program_committee:\n",
    ]
    for index, member in enumerate(members):
        out.append(
            f"  - name: {_q(member.name)}\n    affiliation: {_q(member.affiliation)}\n"
            f"    area: {areas[index % len(areas)]}\n"
        )
    return "".join(out)


def _sponsors_yaml() -> str:
    return HEADER + (
        "sponsors:\n"
        "  - name: Nimbus Silicon\n    tier: platinum\n    url: https://nimbus.example\n"
        "  - name: Ember Cloud\n    tier: gold\n    url: https://ember.example\n"
    )


def _bibtex(papers: list[SynthPaper]) -> str:
    booktitle = "Proceedings of SynthConf 2031"
    out = [
        "% " + HEADER[2:],
        f"@proceedings{{synthconf2031,\n  title = {{{booktitle}}},\n  year = {{2031}},\n"
        "  publisher = {SynthConf},\n  address = {Port Alder, Canada}\n}\n",
    ]
    for paper in papers:
        authors = " and ".join(to_latex(f"{a.last}, {a.first}") for a in paper.authors)
        title = to_latex(paper.title)
        if ":" in title:  # protect the system name's capitals, as organizers do
            head, tail = title.split(":", 1)
            title = f"{{{head}}}:{tail}"
        out.append(
            f"\n@inproceedings{{{paper.id},\n  title = {{{title}}},\n  author = {{{authors}}},\n"
            f"  booktitle = {{{booktitle}}},\n  year = {{2031}},\n  pages = {{{paper.pages}}}\n}}\n"
        )
    return "".join(out)


def write(
    out_dir: Path, paper_count: int, seed: int = 0, tick: Callable[[], None] | None = None
) -> list[Path]:
    """Write the synthetic data folder; returns the files written."""
    files = generate(paper_count, seed, tick)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in files.items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
