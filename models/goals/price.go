package goals

import "math"

// maxGoals bounds the score grid; P(a side scores more than 10) is below
// 1e-6 for any realistic rate.
const maxGoals = 10

// tau is Dixon and Coles' correction of the four low scores.
func tau(x, y int, lambda, mu, rho float64) float64 {
	switch {
	case x == 0 && y == 0:
		return 1 - lambda*mu*rho
	case x == 0 && y == 1:
		return 1 + lambda*rho
	case x == 1 && y == 0:
		return 1 + mu*rho
	case x == 1 && y == 1:
		return 1 - rho
	}
	return 1
}

// priced sums the score grid into outcome and over/under probabilities.
func priced(lambda, mu, rho float64) Prediction {
	var ph, pa [maxGoals + 1]float64
	ph[0], pa[0] = math.Exp(-lambda), math.Exp(-mu)
	for k := 1; k <= maxGoals; k++ {
		ph[k] = ph[k-1] * lambda / float64(k)
		pa[k] = pa[k-1] * mu / float64(k)
	}
	p := Prediction{Lambda: lambda, Mu: mu}
	total := 0.0
	for i := 0; i <= maxGoals; i++ {
		for j := 0; j <= maxGoals; j++ {
			q := ph[i] * pa[j] * tau(i, j, lambda, mu, rho)
			total += q
			switch {
			case i > j:
				p.Home += q
			case i == j:
				p.Draw += q
			default:
				p.Away += q
			}
			if i+j >= 3 {
				p.Over25 += q
			}
		}
	}
	p.Home, p.Draw, p.Away, p.Over25 = p.Home/total, p.Draw/total, p.Away/total, p.Over25/total
	return p
}
