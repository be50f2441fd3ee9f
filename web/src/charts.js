// Chart.js, with only the parts the pages use, and one registry of the
// charts on screen (window.curlewCharts: the browser tests read where a
// bar is drawn from it to click it).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, sans-serif';
Chart.defaults.maintainAspectRatio = false;

window.curlewCharts = {};

export function destroyCharts() {
  for (const c of Object.values(window.curlewCharts)) c.destroy();
  window.curlewCharts = {};
}

// A chart on `canvas` named `name`; onPick(datasetIndex, index) is called
// for a click on a bar or point.
export function makeChart(name, canvas, config, onPick) {
  const chart = new Chart(canvas, {
    ...config,
    options: {
      responsive: true,
      interaction: { mode: 'nearest', intersect: true },
      ...config.options,
      onClick: (event, elements) => {
        if (elements.length && onPick) onPick(elements[0].datasetIndex, elements[0].index);
      },
      onHover: (event, elements) => {
        event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
      },
    },
  });
  window.curlewCharts[name] = chart;
  return chart;
}
