"""Plausible fictional Chinese names for demo data (deterministic for a seed)."""

from __future__ import annotations

import random

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
)
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉鹏宇浩然子轩"
    "梓涵欣怡思远嘉怡晨曦俊杰雨萱佳琪海燕春梅晓东立新振华淑珍凤英秀兰德明永刚长青"
)
MINORITY_NAMES = ("买买提·吐尔逊", "阿依古丽·买买提", "古丽娜尔·艾山", "巴特尔", "其其格")


class NameGenerator:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def person(self) -> str:
        roll = self.rng.random()
        if roll < 0.01:
            return self.rng.choice(MINORITY_NAMES)
        surname = self.rng.choice(SURNAMES)
        length = 1 if roll < 0.35 else 2
        return surname + "".join(self.rng.choice(GIVEN_CHARS) for _ in range(length))
