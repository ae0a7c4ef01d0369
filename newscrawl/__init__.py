"""newscrawl: follows bilateral-diplomacy news on Yonhap and The Korea Herald."""

__version__ = "0.1.0"
