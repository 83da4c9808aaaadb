"""PyTorch peer of bnfreeze's benchmark: the same networks and shapes, timed the same way.

Run by `bnfreeze bench` with Debian's python3-torch; prints one JSON line. Not part of the
product's main path.
"""
import argparse
import json
import resource
import statistics
import time

import torch
import torch.nn as nn


class Bottleneck(nn.Module):
    def __init__(self, cin, width, stride, project):
        super().__init__()
        self.branch = nn.Sequential(
            nn.Conv2d(cin, width, 1, stride), nn.BatchNorm2d(width), nn.ReLU(),
            nn.Conv2d(width, width, 3, 1, 1), nn.BatchNorm2d(width), nn.ReLU(),
            nn.Conv2d(width, 4 * width, 1), nn.BatchNorm2d(4 * width))
        self.shortcut = nn.Sequential(nn.Conv2d(cin, 4 * width, 1, stride), nn.BatchNorm2d(4 * width)) if project else nn.Identity()

    def forward(self, x):
        return torch.relu(self.branch(x) + self.shortcut(x))


def resnet50(classes):
    layers = [nn.Conv2d(3, 64, 7, 2, 3), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(3, 2, 1)]
    cin = 64
    for width, blocks, stride in [(64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)]:
        for b in range(blocks):
            layers.append(Bottleneck(cin, width, stride if b == 0 else 1, b == 0))
            cin = 4 * width
    layers += [nn.AvgPool2d(7), nn.Flatten(), nn.Linear(2048, classes)]
    return nn.Sequential(*layers)


class Basic(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.branch = nn.Sequential(
            nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout, eps=1e-3), nn.ReLU(),
            nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout, eps=1e-3))
        project = stride != 1 or cin != cout
        self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout, eps=1e-3)) if project else nn.Identity()

    def forward(self, x):
        return torch.relu(self.branch(x) + self.shortcut(x))


def small(classes):
    layers = [nn.Conv2d(1, 16, 3, 1, 1, bias=False), nn.BatchNorm2d(16, eps=1e-3), nn.ReLU()]
    cin = 16
    for s, width in enumerate([16, 32, 64]):
        for b in range(2):
            layers.append(Basic(cin, width, 2 if s > 0 and b == 0 else 1))
            cin = width
    layers += [nn.AvgPool2d(7), nn.Flatten(), nn.Linear(64, classes)]
    return nn.Sequential(*layers)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--network", choices=["resnet50", "small"])
    parser.add_argument("--mode", choices=["train", "inference"])
    parser.add_argument("--batch", type=int)
    parser.add_argument("--steps", type=int)
    parser.add_argument("--threads", type=int)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(7)
    net = resnet50(10) if args.network == "resnet50" else small(2)
    shape = (args.batch, 3, 224, 224) if args.network == "resnet50" else (args.batch, 1, 28, 28)
    x = torch.rand(shape) * 255 - 120
    y = torch.arange(args.batch) % (10 if args.network == "resnet50" else 2)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    times = []
    for step in range(2 + args.steps):
        start = time.perf_counter()
        if args.mode == "train":
            net.train()
            optimizer.zero_grad()
            loss_fn(net(x), y).backward()
            optimizer.step()
        else:
            net.eval()
            with torch.no_grad():
                net(x)
        if step >= 2:
            times.append(time.perf_counter() - start)
    print(json.dumps({
        "imagesPerSecond": args.batch / statistics.median(times),
        "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "steps": args.steps,
        "detail": "PyTorch %s, %d threads" % (torch.__version__, torch.get_num_threads()),
    }))


if __name__ == "__main__":
    main()
