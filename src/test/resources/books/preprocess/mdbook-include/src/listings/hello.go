package main

import "fmt"

// ANCHOR: greet
func greet() string {
	return "你好，include"
}
// ANCHOR_END: greet

func main() {
	fmt.Println(greet())
}
