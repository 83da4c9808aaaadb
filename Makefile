# bnfreeze: what should a frozen BatchNormalization layer do while the layers above it are fine-tuned?
#
#   make demo        the two-class overfit test under keras / patched / legacy, on real Fashion-MNIST (CPU)
#   make test        the test suite (minutes)
#   make long-test   the tests tagged "long"
#   make data        Fashion-MNIST: Debian's package where apt is available, else the official files
#   make build       target/bnfreeze.jar (BACKEND=cuda for the GPU build)
#   make run DEF=experiments/overfit-2class-fmnist.yaml BN=keras [SEED=42]
#   make cifar10     CIFAR-10's binary archive, MD5 verified, unpacked into ~/.cache/bnfreeze/data
#   make overfit [BACKEND=cuda] [BN=keras]     the study's overfit test (CIFAR-10, ResNet50)
#   make finetune [BACKEND=cuda] [BN=keras]    the study's full fine-tune (CIFAR-10, ResNet50)
#   make matrix [SEEDS=5] [EXPERIMENTS="experiments/a.yaml ..."]   every experiment x policy x seed
#   make results     tables, charts and results/README.md from results/runs/
#   make bench       speed and memory against PyTorch (python3-torch): results/PERFORMANCE.md

BACKEND ?= cpu
MVN ?= mvn -B -q
JAVA ?= java
JAR := target/bnfreeze.jar
FASHION_MNIST_DEB := /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz
DEF ?= experiments/overfit-2class-fmnist.yaml
BN ?= patched
SEED ?=
SEEDS ?= 1
EXPERIMENTS ?=

ifeq ($(BACKEND),cuda)
MVN_PROFILE := -Pcuda
else
MVN_PROFILE :=
endif

.PHONY: build data cifar10 demo overfit finetune test long-test run matrix results bench clean

# clean: the CPU and CUDA builds put different native libraries into target/lib
build:
	$(MVN) $(MVN_PROFILE) -DskipTests clean package

SOURCES := pom.xml $(shell find src/main -type f 2>/dev/null)

$(JAR): $(SOURCES)
	$(MVN) $(MVN_PROFILE) -DskipTests package

# Debian's package where apt can install it; otherwise the official files, checksums verified.
data:
	@if [ -f "$(FASHION_MNIST_DEB)" ]; then \
	  echo "Fashion-MNIST present in /usr/share/datasets/fashion-mnist"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && apt-get install -y -qq dataset-fashion-mnist; \
	elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then \
	  sudo apt-get update -qq && sudo apt-get install -y -qq dataset-fashion-mnist; \
	else \
	  $(MAKE) $(JAR) && $(JAVA) -jar $(JAR) data fetch; \
	fi

cifar10: $(JAR)
	$(JAVA) -jar $(JAR) data fetch-cifar10

overfit: $(JAR)
	$(JAVA) -jar $(JAR) run experiments/overfit-2class-cifar10.yaml --bn $(BN) --backend $(BACKEND) $(if $(SEED),--seed $(SEED))

finetune: $(JAR)
	$(JAVA) -jar $(JAR) run experiments/cifar10-resnet50-finetune.yaml --bn $(BN) --backend $(BACKEND) $(if $(SEED),--seed $(SEED))

demo: $(JAR) data
	$(JAVA) -jar $(JAR) demo --backend $(BACKEND) $(if $(SEED),--seed $(SEED))

run: $(JAR)
	$(JAVA) -jar $(JAR) run $(DEF) --bn $(BN) --backend $(BACKEND) $(if $(SEED),--seed $(SEED))

matrix: $(JAR) data
	$(JAVA) -jar $(JAR) matrix $(EXPERIMENTS) --seeds $(SEEDS) --backend $(BACKEND)

results: $(JAR)
	$(JAVA) -jar $(JAR) results

# PyTorch is the peer, installed from Debian where apt can; without it the report says so.
bench: $(JAR)
	@if ! /usr/bin/python3 -c "import torch" >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get install -y -qq python3-torch || true; \
	fi
	$(JAVA) -jar $(JAR) bench

test: data
	$(MVN) test

long-test: data
	$(MVN) test -Dtest.groups=long -Dtest.excludedGroups=

clean:
	$(MVN) clean
