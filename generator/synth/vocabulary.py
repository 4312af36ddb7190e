"""The words synthetic papers, people and institutions are made of (all invented), and
the LaTeX spelling of their accented letters."""

from __future__ import annotations

import random


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


def title_of(rng: random.Random, name: str) -> str:
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


def abstract_of(rng: random.Random, name: str) -> str:
    """About 150 words: sentences drawn without repetition until the length is reached."""
    words, sentences = 0, []
    for sentence in rng.sample(SENTENCES, len(SENTENCES)):
        text = sentence.format(noun=rng.choice(NOUNS).lower(), sys=name, math=rng.choice(FORMULAS))
        sentences.append(text)
        words += len(text.split())
        if words >= 150:
            break
    return " ".join(sentences)
