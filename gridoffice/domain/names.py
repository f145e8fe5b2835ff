"""Plausible fictional Chinese names for demo data (deterministic for a seed)."""

from __future__ import annotations

import random

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
)
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文斌辉鹏宇浩然子轩"
    "梓涵欣怡思远嘉怡晨曦俊杰雨萱佳琪海燕春梅淑珍凤英秀兰德明永刚长青"
)
# Given names as parents choose them: some characters are given to boys, some to girls
# (a man called 秀兰 would stand out), some to either.
MALE_CHARS = "伟强磊军洋勇杰涛明超刚建国志斌辉鹏宇浩俊德永长青远轩海东立新振华文"
FEMALE_CHARS = "芳娜敏静丽艳娟秀霞桂英玉兰萍红欣怡涵萱佳琪燕春梅淑珍凤晨曦雨思"
NEUTRAL_CHARS = "平华文明子然嘉宁"
MINORITY_NAMES = ("买买提·吐尔逊", "阿依古丽·买买提", "古丽娜尔·艾山", "巴特尔", "其其格")
MINORITY_BY_SEX = {"1": ("买买提·吐尔逊", "巴特尔"),
                   "2": ("阿依古丽·买买提", "古丽娜尔·艾山", "其其格")}


class NameGenerator:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def person(self, sex: str | None = None) -> str:
        """A name; with ``sex`` (GB/T 2261.1: "1" male, "2" female) one that fits it."""
        roll = self.rng.random()
        if roll < 0.01:
            return self.rng.choice(MINORITY_BY_SEX.get(sex or "", MINORITY_NAMES))
        return self.rng.choice(SURNAMES) + self.given(sex, two=roll >= 0.35)

    def given(self, sex: str | None = None, *, two: bool | None = None) -> str:
        """A given name of one or two characters (a child takes the family's surname)."""
        length = 2 if (two if two is not None else self.rng.random() >= 0.35) else 1
        chars = {"1": MALE_CHARS + NEUTRAL_CHARS, "2": FEMALE_CHARS + NEUTRAL_CHARS}.get(
            sex or "", GIVEN_CHARS)
        return "".join(self.rng.choice(chars) for _ in range(length))
