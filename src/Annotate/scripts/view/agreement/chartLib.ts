// Chart.js, loaded only when an agreement page draws its first chart (its own chunk, kept out of app.js), and only
// the parts a bar chart uses, so the rest is left out of the bundle.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };
