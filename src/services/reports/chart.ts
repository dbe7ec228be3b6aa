/**
 * The report's chart as a PNG, drawn locally with @napi-rs/canvas (Skia): per branch (or per
 * quarter, for the plans' ledger), the on-time rate and the completion as two bars on a 0–100% scale.
 */

import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { percentText } from "../../domain/percent.ts";
import type { Report } from "../../domain/report.ts";
import { formatReportPeriod } from "../../i18n/dates.ts";
import type { Translator } from "../../i18n/index.ts";
import type { ChartFont } from "./fonts.ts";

const COLORS = { onTime: "#b71c1c", completion: "#1565c0", axis: "#555", grid: "#ddd" };
const M = { left: 64, right: 24, top: 84, bottom: 96 };
const HEIGHT = 480;

export interface ChartBar {
  name: string;
  onTimeRate: number | null;
  completionRate: number | null;
}

const percent = (rate: number | null) => percentText(rate);

/** The text cut into at most two lines that fit `width`. */
function wrap(g: SKRSContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const ch of text) {
    if (g.measureText(line + ch).width > width && line !== "") {
      lines.push(line);
      line = "";
      if (lines.length === 2) break;
    }
    line += ch;
  }
  if (lines.length < 2 && line !== "") lines.push(line);
  else if (line !== "" && lines.length === 2) lines[1] = `${lines[1]?.slice(0, -1)}…`;
  return lines;
}

function drawAxes(g: SKRSContext2D, width: number, font: string): void {
  const plotH = HEIGHT - M.top - M.bottom;
  g.font = `13px ${font}`;
  g.textAlign = "right";
  g.textBaseline = "middle";
  for (let p = 0; p <= 100; p += 25) {
    const y = M.top + plotH - (plotH * p) / 100;
    g.strokeStyle = p === 0 ? COLORS.axis : COLORS.grid;
    g.beginPath();
    g.moveTo(M.left, y);
    g.lineTo(width - M.right, y);
    g.stroke();
    g.fillStyle = COLORS.axis;
    g.fillText(`${p}%`, M.left - 8, y);
  }
}

function drawLegend(g: SKRSContext2D, width: number, labels: [string, string], font: string): void {
  g.font = `14px ${font}`;
  g.textAlign = "left";
  g.textBaseline = "middle";
  let x = width - M.right;
  const entries: [string, string][] = [
    [labels[1], COLORS.completion],
    [labels[0], COLORS.onTime],
  ];
  for (const [label, color] of entries) {
    x -= g.measureText(label).width + 26;
    g.fillStyle = color;
    g.fillRect(x, 50, 14, 14);
    g.fillStyle = "#222";
    g.fillText(label, x + 19, 57);
    x -= 14;
  }
}

export function chartBars(report: Report): ChartBar[] {
  return report.branches.map((b) => ({
    name: b.name,
    onTimeRate: b.onTimeRate,
    completionRate: b.completionRate,
  }));
}

export async function renderChart(report: Report, t: Translator, font: ChartFont): Promise<Buffer> {
  return renderBarChart(
    chartBars(report),
    {
      title: t("reports.chart.title", { period: formatReportPeriod(report.period.key, t) }),
      series: [t("reports.chart.onTime"), t("reports.chart.completion")],
      none: t("reports.chart.none"),
    },
    font,
  );
}

/** A white canvas with its title in bold at (x, y), text from the top left: every chart's start. */
export function titledCanvas(
  width: number,
  height: number,
  title: string,
  font: ChartFont,
  at: { x: number; y: number },
) {
  const canvas = createCanvas(width, height);
  const g = canvas.getContext("2d");
  g.fillStyle = "#fff";
  g.fillRect(0, 0, width, height);
  g.fillStyle = "#222";
  g.font = `bold 20px ${font.family}`;
  g.textAlign = "left";
  g.textBaseline = "top";
  g.fillText(title, at.x, at.y);
  return { canvas, g };
}

/** Two bars a group (on time, completion) on a 0–100% scale: the branches, or a year's quarters. */
export async function renderBarChart(
  bars: readonly ChartBar[],
  labels: { title: string; series: [string, string]; none: string },
  font: ChartFont,
): Promise<Buffer> {
  const width = Math.max(720, M.left + M.right + bars.length * 120);
  const { canvas, g } = titledCanvas(width, HEIGHT, labels.title, font, { x: M.left, y: 18 });
  drawLegend(g, width, labels.series, font.family);
  drawAxes(g, width, font.family);

  const plotW = width - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  if (bars.length === 0) {
    g.font = `16px ${font.family}`;
    g.textAlign = "center";
    g.fillText(labels.none, M.left + plotW / 2, M.top + plotH / 2);
  }
  const group = plotW / Math.max(1, bars.length);
  const barW = Math.min(40, group * 0.32);
  bars.forEach((bar, i) => {
    const center = M.left + group * i + group / 2;
    const series: [number | null, string, number][] = [
      [bar.onTimeRate, COLORS.onTime, center - barW - 2],
      [bar.completionRate, COLORS.completion, center + 2],
    ];
    for (const [rate, color, x] of series) {
      const h = plotH * Math.min(1, Math.max(0, rate ?? 0));
      g.fillStyle = color;
      g.fillRect(x, M.top + plotH - h, barW, h);
      g.fillStyle = "#222";
      g.font = `12px ${font.family}`;
      g.textAlign = "center";
      g.textBaseline = "bottom";
      g.fillText(percent(rate), x + barW / 2, M.top + plotH - h - 3);
    }
    g.font = `14px ${font.family}`;
    g.textBaseline = "top";
    wrap(g, bar.name, group - 10).forEach((line, n) => {
      g.fillText(line, center, M.top + plotH + 10 + n * 18);
    });
  });
  return canvas.encode("png");
}
