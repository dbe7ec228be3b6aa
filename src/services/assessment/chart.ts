/**
 * The assessment's chart as a PNG (@napi-rs/canvas, the reports' font): one horizontal bar per
 * branch in rank order, its total, with the party building score as a thinner bar beside it.
 */
import { titledCanvas } from "../reports/chart.ts";
import type { ChartFont } from "../reports/fonts.ts";

export interface ScoreBar {
  name: string;
  total: number;
  partyBuilding: number;
}

const ROW = 26;
const M = { left: 240, right: 70, top: 70, bottom: 30 };
const WIDTH = 900;

export async function renderScoreChart(
  bars: readonly ScoreBar[],
  labels: { title: string; total: string; partyBuilding: string },
  font: ChartFont,
): Promise<Buffer> {
  const height = M.top + M.bottom + Math.max(1, bars.length) * ROW;
  const { canvas, g } = titledCanvas(WIDTH, height, labels.title, font, { x: 16, y: 16 });
  g.font = `13px ${font.family}`;
  g.fillStyle = "#b71c1c";
  g.fillRect(16, 46, 12, 12);
  g.fillStyle = "#222";
  g.fillText(labels.total, 32, 45);
  const second = 48 + g.measureText(labels.total).width;
  g.fillStyle = "#1565c0";
  g.fillRect(second, 46, 12, 12);
  g.fillStyle = "#222";
  g.fillText(labels.partyBuilding, second + 16, 45);
  const plotW = WIDTH - M.left - M.right;
  bars.forEach((bar, i) => {
    const y = M.top + i * ROW;
    g.fillStyle = "#222";
    g.textAlign = "right";
    g.textBaseline = "middle";
    const name = bar.name.length > 18 ? `${bar.name.slice(0, 17)}…` : bar.name;
    g.fillText(`${i + 1}. ${name}`, M.left - 8, y + ROW / 2);
    g.textAlign = "left";
    const w = (plotW * Math.min(100, Math.max(0, bar.total))) / 100;
    g.fillStyle = "#b71c1c";
    g.fillRect(M.left, y + 3, w, 12);
    g.fillStyle = "#1565c0";
    g.fillRect(M.left, y + 16, (plotW * Math.min(100, Math.max(0, bar.partyBuilding))) / 100, 6);
    g.fillStyle = "#222";
    g.fillText(bar.total.toFixed(2), M.left + w + 6, y + 9);
  });
  return canvas.encode("png");
}
